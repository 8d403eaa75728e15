using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RaspAnalyzers.CodeFixes.Sql;

/// <summary>
/// SQL text written in code as concatenation or interpolation, split into literal text and the expressions
/// spliced into it, and turned into a statement with placeholders and the values that bind them.
/// </summary>
internal sealed class SqlTemplate
{
    private readonly ImmutableArray<Part> _parts;

    private SqlTemplate(ImmutableArray<Part> parts) => _parts = parts;

    /// <summary>The template of <paramref name="expression"/>, or null when it is not SQL written in place.</summary>
    public static SqlTemplate? Parse(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellation)
    {
        var parts = ImmutableArray.CreateBuilder<Part>();
        return Flatten(expression, model, parts, cancellation) && parts.Any(part => part.Hole is not null)
            ? new SqlTemplate(parts.ToImmutable())
            : null;
    }

    /// <summary>
    /// Replaces each spliced value by a placeholder. A value between quotes loses the quotes, and the text that
    /// shares its quotes (<c>'%</c> and <c>%'</c> around a LIKE term) moves into the bound value. Returns null
    /// when a spliced string stands outside quotes: it is a name or a fragment of SQL, which no parameter can hold.
    /// </summary>
    public ParameterizedSql? Parameterize(SemanticModel model, CancellationToken cancellation)
    {
        var sql = new StringBuilder();
        var parameters = ImmutableArray.CreateBuilder<SqlParameterValue>();
        var names = new HashSet<string>();

        for (var i = 0; i < _parts.Length; i++)
        {
            var part = _parts[i];
            if (part.Hole is null)
            {
                sql.Append(part.Text);
                continue;
            }

            if (!InsideQuotes(sql))
            {
                if (model.GetTypeInfo(part.Hole, cancellation).Type?.SpecialType == SpecialType.System_String)
                {
                    return null;
                }

                var name = UniqueName(BaseName(part.Hole), names);
                sql.Append('@').Append(name);
                parameters.Add(new SqlParameterValue(name, ImmutableArray.Create(part)));
                continue;
            }

            // Inside a quoted literal: take back the opening quote and the text after it, then gather values and
            // text up to the closing quote.
            var open = sql.ToString().LastIndexOf('\'');
            var run = ImmutableArray.CreateBuilder<Part>();
            if (open + 1 < sql.Length)
            {
                run.Add(Part.Literal(sql.ToString(open + 1, sql.Length - open - 1)));
            }

            sql.Length = open;
            var closed = false;
            for (; i < _parts.Length; i++)
            {
                var inner = _parts[i];
                if (inner.Hole is not null)
                {
                    run.Add(inner);
                    continue;
                }

                var close = inner.Text.IndexOf('\'');
                if (close < 0)
                {
                    run.Add(inner);
                    continue;
                }

                if (close > 0)
                {
                    run.Add(Part.Literal(inner.Text.Substring(0, close)));
                }

                var runName = UniqueName(BaseName(run.First(p => p.Hole is not null).Hole!), names);
                sql.Append('@').Append(runName).Append(inner.Text.Substring(close + 1));
                parameters.Add(new SqlParameterValue(runName, run.ToImmutable()));
                closed = true;
                break;
            }

            if (!closed)
            {
                return null;
            }
        }

        return new ParameterizedSql(sql.ToString(), parameters.ToImmutable());
    }

    /// <summary>
    /// The same text as an interpolated string whose holes are the quoted values, for EF Core's FromSql, which
    /// turns each hole into a parameter.
    /// </summary>
    public InterpolatedStringExpressionSyntax? ToInterpolated(SemanticModel model, CancellationToken cancellation)
    {
        if (Parameterize(model, cancellation) is not { } parameterized)
        {
            return null;
        }

        var text = new StringBuilder("$\"");
        var sql = parameterized.Sql;
        var position = 0;
        foreach (var parameter in parameterized.Parameters)
        {
            var placeholder = "@" + parameter.Name;
            var at = sql.IndexOf(placeholder, position, System.StringComparison.Ordinal);
            AppendEscaped(text, sql.Substring(position, at - position));
            text.Append('{').Append(Parenthesized(parameter.ToExpression())).Append('}');
            position = at + placeholder.Length;
        }

        AppendEscaped(text, sql.Substring(position));
        text.Append('"');
        return SyntaxFactory.ParseExpression(text.ToString()) as InterpolatedStringExpressionSyntax;
    }

    private static bool Flatten(
        ExpressionSyntax expression,
        SemanticModel model,
        ImmutableArray<Part>.Builder parts,
        CancellationToken cancellation)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Flatten(parenthesized.Expression, model, parts, cancellation);

            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary
                when model.GetTypeInfo(binary, cancellation).Type?.SpecialType == SpecialType.System_String:
                return Flatten(binary.Left, model, parts, cancellation) && Flatten(binary.Right, model, parts, cancellation);

            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        parts.Add(Part.Literal(text.TextToken.ValueText));
                    }
                    else if (content is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole)
                    {
                        parts.Add(Part.Value(hole.Expression));
                    }
                    else
                    {
                        return false;
                    }
                }

                return true;

            default:
                var constant = model.GetConstantValue(expression, cancellation);
                if (constant.HasValue)
                {
                    if (constant.Value is not string literal || literal.Contains("''"))
                    {
                        return false;
                    }

                    parts.Add(Part.Literal(literal));
                    return true;
                }

                parts.Add(Part.Value(expression));
                return true;
        }
    }

    private static bool InsideQuotes(StringBuilder sql)
    {
        var quotes = 0;
        for (var i = 0; i < sql.Length; i++)
        {
            if (sql[i] == '\'')
            {
                quotes++;
            }
        }

        return quotes % 2 == 1;
    }

    private static string BaseName(ExpressionSyntax value)
    {
        var name = value switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var inner } } => BaseName(inner),
            ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element
                when element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.Value: string text } => text,
            _ => "p",
        };

        var clean = new string(name.Where(char.IsLetterOrDigit).ToArray());
        return clean.Length == 0 || char.IsDigit(clean[0]) ? "p" + clean : char.ToLowerInvariant(clean[0]) + clean.Substring(1);
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = name + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>A hole's expression; a colon (a conditional, a format) would end the hole, so that needs parentheses.</summary>
    private static string Parenthesized(ExpressionSyntax expression)
    {
        var text = expression.ToString();
        return text.IndexOf(':') >= 0 ? "(" + text + ")" : text;
    }

    private static void AppendEscaped(StringBuilder text, string literal)
    {
        foreach (var c in literal)
        {
            text.Append(c switch
            {
                '{' => "{{",
                '}' => "}}",
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }
    }

    /// <summary>Literal SQL text, or an expression spliced into it.</summary>
    internal sealed class Part
    {
        private Part(string text, ExpressionSyntax? hole)
        {
            Text = text;
            Hole = hole;
        }

        public string Text { get; }

        public ExpressionSyntax? Hole { get; }

        public static Part Literal(string text) => new(text, null);

        public static Part Value(ExpressionSyntax hole) => new(string.Empty, hole);
    }
}

/// <summary>A statement with placeholders and the values bound to them, in placeholder order.</summary>
internal sealed class ParameterizedSql
{
    public ParameterizedSql(string sql, ImmutableArray<SqlParameterValue> parameters)
    {
        Sql = sql;
        Parameters = parameters;
    }

    public string Sql { get; }

    public ImmutableArray<SqlParameterValue> Parameters { get; }
}

/// <summary>One placeholder's name (without @) and the parts its value is made of.</summary>
internal sealed class SqlParameterValue
{
    public SqlParameterValue(string name, ImmutableArray<SqlTemplate.Part> parts)
    {
        Name = name;
        Parts = parts;
    }

    public string Name { get; }

    public ImmutableArray<SqlTemplate.Part> Parts { get; }

    /// <summary>The value as C#: the expression itself, or text and expressions joined with +.</summary>
    public ExpressionSyntax ToExpression()
    {
        if (Parts.Length == 1 && Parts[0].Hole is { } single)
        {
            return single.WithoutTrivia();
        }

        ExpressionSyntax? joined = null;
        foreach (var part in Parts)
        {
            ExpressionSyntax piece = part.Hole is { } hole
                ? (hole is BinaryExpressionSyntax or ConditionalExpressionSyntax
                    ? SyntaxFactory.ParenthesizedExpression(hole.WithoutTrivia())
                    : hole.WithoutTrivia())
                : SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(part.Text));
            joined = joined is null ? piece : SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, joined, piece);
        }

        return joined!.NormalizeWhitespace();
    }
}
