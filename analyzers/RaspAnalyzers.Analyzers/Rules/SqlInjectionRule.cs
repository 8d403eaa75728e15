using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RaspAnalyzers.Analyzers.Taint;

namespace RaspAnalyzers.Analyzers.Rules;

/// <summary>
/// RASP1001: request data reaches the text of a SQL command. Sinks are the command text of every ADO.NET
/// provider, Dapper's SQL argument and EF Core's raw-SQL methods; their parameterized twins take no string and
/// so are never sinks.
/// </summary>
internal sealed class SqlInjectionRule : TaintRule
{
    public static readonly SqlInjectionRule Instance = new();

    private const string DbCommand = "System.Data.Common.DbCommand";
    private const string IDbCommand = "System.Data.IDbCommand";
    private const string DbDataAdapter = "System.Data.Common.DbDataAdapter";
    private const string Dapper = "Dapper.SqlMapper";
    private const string DapperCommand = "Dapper.CommandDefinition";
    private const string EfQueryable = "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions";
    private const string EfDatabase = "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions";

    public static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
        DiagnosticIds.SqlInjection,
        title: "Request data reaches SQL command text",
        messageFormat: "SQL injection: {0} reaches {1}{2}; pass it as a parameter instead of building SQL text from it",
        description: "Data from an HTTP request is concatenated, interpolated or formatted into the text of a SQL "
            + "command. A client can then change what the command does and read or alter every patient's record. "
            + "Pass the value as a parameter (DbParameter, a Dapper parameter object, or EF Core's FromSql and "
            + "ExecuteSql with an interpolated FormattableString), or convert it to a number, Guid or date first.",
        category: DiagnosticCategories.Injection,
        cwes: new[] { 89 });

    private SqlInjectionRule()
    {
    }

    public override DiagnosticDescriptor Descriptor => Rule;

    public override string SinkNoun => "the SQL text";

    public override ImmutableArray<SinkSpec> Sinks { get; } = ImmutableArray.Create(
        SinkSpec.Setter(DbCommand, "CommandText"),
        SinkSpec.Setter(IDbCommand, "CommandText"),
        SinkSpec.Constructor(DbCommand, "commandText", "cmdText"),
        SinkSpec.Constructor(DbDataAdapter, "selectCommandText"),
        SinkSpec.MethodPrefix(Dapper, new[] { "Query", "Execute" }, "sql"),
        SinkSpec.Constructor(DapperCommand, "commandText"),
        SinkSpec.Method(EfQueryable, new[] { "FromSqlRaw" }, "sql"),
        SinkSpec.Method(EfDatabase, new[] { "ExecuteSqlRaw", "ExecuteSqlRawAsync", "SqlQueryRaw" }, "sql"),

        // EF Core 2.x: the raw forms take a RawSqlString; their FormattableString overloads are safe.
        SinkSpec.Method(EfQueryable, new[] { "FromSql" }, "sql"),
        SinkSpec.Method(EfDatabase, new[] { "ExecuteSqlCommand", "ExecuteSqlCommandAsync" }, "sql"));
}
