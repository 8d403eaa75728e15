using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using RaspAnalyzers.Analyzers;
using RaspAnalyzers.Analyzers.Taint;

namespace RaspAnalyzers.CodeFixes.Sql;

/// <summary>
/// Fixes RASP1001 by binding the spliced values as parameters: ADO.NET commands get Parameters.AddWithValue,
/// Dapper calls get a parameter object, EF Core's raw-SQL methods become their interpolated twins.
/// </summary>
/// <remarks>
/// Only SQL written in place at the sink is rewritten. SQL built earlier in a local, a helper or a builder, and
/// values spliced outside quotes (table or column names), are left for a person: no parameter can hold a name.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SqlInjectionCodeFixProvider)), Shared]
public sealed class SqlInjectionCodeFixProvider : CodeFixProvider
{
    public const string Title = "Pass the spliced values as SQL parameters";

    private static readonly ImmutableDictionary<string, (string Modern, string Interpolated)> EfMethods =
        new Dictionary<string, (string, string)>
        {
            ["FromSqlRaw"] = ("FromSql", "FromSqlInterpolated"),
            ["ExecuteSqlRaw"] = ("ExecuteSql", "ExecuteSqlInterpolated"),
            ["ExecuteSqlRawAsync"] = ("ExecuteSqlAsync", "ExecuteSqlInterpolatedAsync"),
            ["SqlQueryRaw"] = ("SqlQuery", "SqlQuery"),
        }.ToImmutableDictionary();

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SqlInjection);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(InjectionAnalyzer.ReportedAtProperty, out var at) || at != "sink"
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax sql)
            {
                continue;
            }

            var rewrite = Plan(sql, model, context.CancellationToken);
            if (rewrite is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, token => rewrite(context.Document, token), equivalenceKey: Title),
                    diagnostic);
            }
        }
    }

    private static System.Func<Document, CancellationToken, Task<Document>>? Plan(
        ExpressionSyntax sql, SemanticModel model, CancellationToken cancellation)
    {
        var template = SqlTemplate.Parse(sql, model, cancellation);
        if (template is null)
        {
            return null;
        }

        // command.CommandText = "... '" + name + "'";
        if (sql.Parent is AssignmentExpressionSyntax
            {
                Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandText" } target,
                Parent: ExpressionStatementSyntax statement
            }
            && template.Parameterize(model, cancellation) is { } assigned
            && HasAddWithValue(target.Expression, model, cancellation))
        {
            return (document, token) => BindAfter(document, statement, sql, assigned, target.Expression.WithoutTrivia(), token);
        }

        if (sql.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax arguments } argument)
        {
            return null;
        }

        // using var command = new SqliteCommand("... '" + name + "'", connection);
        if (arguments.Parent is BaseObjectCreationExpressionSyntax creation
            && creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            && declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration }
            && template.Parameterize(model, cancellation) is { } constructed
            && HasAddWithValue(creation, model, cancellation))
        {
            var command = SyntaxFactory.IdentifierName(declarator.Identifier.ValueText);
            return (document, token) => BindAfter(document, declaration, sql, constructed, command, token);
        }

        if (arguments.Parent is not InvocationExpressionSyntax invocation
            || model.GetSymbolInfo(invocation, cancellation).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var passed = arguments.Arguments.Count
            + (method.IsExtensionMethod && invocation.Expression is MemberAccessExpressionSyntax ? 1 : 0);
        var containing = method.ContainingType.ToDisplayString();

        // connection.Query<Patient>("... '" + name + "'");
        if (containing == "Dapper.SqlMapper" && passed == 2 && template.Parameterize(model, cancellation) is { } dapper)
        {
            return (document, token) => AddParameterObject(document, argument, dapper, token);
        }

        // db.Patients.FromSqlRaw($"... '{name}'");
        if (EfMethods.TryGetValue(method.Name, out var twin) && passed == 2
            && template.ToInterpolated(model, cancellation) is { } interpolated
            && invocation.Expression is MemberAccessExpressionSyntax access)
        {
            var modern = method.ContainingType.GetMembers(twin.Modern).OfType<IMethodSymbol>()
                .Any(m => m.Parameters.Any(p => p.Type.Name == "FormattableString"));
            var name = modern ? twin.Modern : twin.Interpolated;
            return (document, token) => ToInterpolatedTwin(document, invocation, access, argument, interpolated, name, token);
        }

        return null;
    }

    private static bool HasAddWithValue(ExpressionSyntax command, SemanticModel model, CancellationToken cancellation)
    {
        var type = model.GetTypeInfo(command, cancellation).Type;
        var parameters = type?.GetMembers("Parameters").OfType<IPropertySymbol>().FirstOrDefault()?.Type;
        for (var current = parameters; current is not null; current = current.BaseType)
        {
            if (current.GetMembers("AddWithValue").Any())
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Document> BindAfter(
        Document document, StatementSyntax statement, ExpressionSyntax sql, ParameterizedSql parameterized,
        ExpressionSyntax command, CancellationToken cancellation)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellation).ConfigureAwait(false);
        editor.ReplaceNode(sql, Literal(parameterized.Sql).WithTriviaFrom(sql));

        var bindings = parameterized.Parameters.Select(parameter =>
            (SyntaxNode)SyntaxFactory.ExpressionStatement(
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.MemberAccessExpression(
                            SyntaxKind.SimpleMemberAccessExpression,
                            command,
                            SyntaxFactory.IdentifierName("Parameters")),
                        SyntaxFactory.IdentifierName("AddWithValue")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                    {
                        SyntaxFactory.Argument(Literal("@" + parameter.Name)),
                        SyntaxFactory.Argument(parameter.ToExpression()),
                    }))))
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation));
        editor.InsertAfter(statement, bindings);
        return editor.GetChangedDocument();
    }

    private static async Task<Document> AddParameterObject(
        Document document, ArgumentSyntax argument, ParameterizedSql parameterized, CancellationToken cancellation)
    {
        var members = parameterized.Parameters.Select(parameter =>
        {
            var value = parameter.ToExpression();
            return value is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == parameter.Name
                ? SyntaxFactory.AnonymousObjectMemberDeclarator(value)
                : SyntaxFactory.AnonymousObjectMemberDeclarator(SyntaxFactory.NameEquals(parameter.Name), value);
        });
        var parameterObject = SyntaxFactory.AnonymousObjectCreationExpression(SyntaxFactory.SeparatedList(members));

        var list = (ArgumentListSyntax)argument.Parent!;
        var index = list.Arguments.IndexOf(argument);
        var arguments = list.Arguments
            .Replace(argument, argument.WithExpression(Literal(parameterized.Sql).WithTriviaFrom(argument.Expression)))
            .Insert(index + 1, SyntaxFactory.Argument(parameterObject));

        var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
        var fixedList = list.WithArguments(arguments).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
        return document.WithSyntaxRoot(root!.ReplaceNode(list, fixedList));
    }

    private static async Task<Document> ToInterpolatedTwin(
        Document document, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, ArgumentSyntax argument,
        InterpolatedStringExpressionSyntax interpolated, string name, CancellationToken cancellation)
    {
        var renamed = access.WithName(access.Name is GenericNameSyntax generic
            ? generic.WithIdentifier(SyntaxFactory.Identifier(name))
            : SyntaxFactory.IdentifierName(name));
        var fixedInvocation = invocation
            .ReplaceNode(argument, argument.WithExpression(interpolated.WithTriviaFrom(argument.Expression)))
            .WithExpression(renamed);

        var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
        return document.WithSyntaxRoot(root!.ReplaceNode(invocation, fixedInvocation));
    }

    private static LiteralExpressionSyntax Literal(string text) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
}
