using System;

namespace RaspAnalyzers.Guards.Tests.Corpus;

/// <summary>Builds the statement a corpus value ends up in, the way a careless data-access layer would.</summary>
public static class SqlCorpus
{
    public static readonly SqlDialect[] AllDialects = [SqlDialect.SqlServer, SqlDialect.PostgreSql, SqlDialect.Sqlite, SqlDialect.MySql];

    public static SqlDialect[] Dialects(CorpusEntry entry) => entry.Tag switch
    {
        "" => AllDialects,
        "sqlserver" => [SqlDialect.SqlServer],
        "postgresql" => [SqlDialect.PostgreSql],
        "sqlite" => [SqlDialect.Sqlite],
        "mysql" => [SqlDialect.MySql],
        _ => throw new InvalidOperationException($"Unknown dialect tag '{entry.Tag}' at {entry}."),
    };

    public static string Statement(CorpusEntry entry) => entry.Context switch
    {
        "string" => $"SELECT id, family, given FROM patients WHERE family = '{entry.Value}' AND active = 1",
        "escaped" => $"SELECT id, family, given FROM patients WHERE family = '{entry.Value.Replace("'", "''")}' AND active = 1",
        "like" => $"SELECT id, body FROM notes WHERE body LIKE '%{entry.Value}%' ORDER BY written_at DESC",
        "number" => $"SELECT * FROM encounters WHERE patient_id = {entry.Value} ORDER BY admitted_at DESC",
        "inlist" => $"SELECT code, value FROM labs WHERE code IN ({entry.Value}) AND patient_id = @patient",
        "orderby" => $"SELECT id, family, given FROM patients WHERE ward = @ward ORDER BY {entry.Value}",
        "param" => "SELECT id, family, given FROM patients WHERE family = @family AND active = 1",
        _ => throw new InvalidOperationException($"Unknown context '{entry.Context}' at {entry}."),
    };
}
