using System.Collections.Generic;
using System.Linq;

namespace RaspAnalyzers.Guards.Tests;

public sealed class SqlTokenizerTests
{
    private static List<(SqlTokenKind Kind, string Text, bool Unterminated)> Tokens(string sql, SqlDialect dialect)
    {
        var result = new List<(SqlTokenKind, string, bool)>();
        var tokenizer = new SqlTokenizer(sql, dialect);
        while (tokenizer.TryRead(out SqlToken token))
        {
            result.Add((token.Kind, sql.Substring(token.Start, token.Length), token.Unterminated));
        }

        return result;
    }

    [Fact]
    public void SqlServer_reads_national_strings_brackets_variables_and_nested_comments()
    {
        var tokens = Tokens("SELECT [a]]b], N'it''s' FROM #t WHERE x = @p /* a /* b */ c */ --end", SqlDialect.SqlServer);

        Assert.Equal(
            [
                (SqlTokenKind.Word, "SELECT", false), (SqlTokenKind.QuotedIdentifier, "[a]]b]", false), (SqlTokenKind.Comma, ",", false),
                (SqlTokenKind.String, "N'it''s'", false), (SqlTokenKind.Word, "FROM", false), (SqlTokenKind.Word, "#t", false),
                (SqlTokenKind.Word, "WHERE", false), (SqlTokenKind.Word, "x", false), (SqlTokenKind.Operator, "=", false),
                (SqlTokenKind.Parameter, "@p", false), (SqlTokenKind.Comment, "/* a /* b */ c */", false),
                (SqlTokenKind.Comment, "--end", false),
            ],
            tokens);
    }

    [Fact]
    public void PostgreSql_reads_dollar_quotes_escape_strings_casts_and_positional_parameters()
    {
        var tokens = Tokens("SELECT $tag$ it's $$ $tag$, E'a\\'b', $1::int, U&'d\\0061t'", SqlDialect.PostgreSql);

        Assert.Equal(
            [
                (SqlTokenKind.Word, "SELECT", false), (SqlTokenKind.String, "$tag$ it's $$ $tag$", false), (SqlTokenKind.Comma, ",", false),
                (SqlTokenKind.String, "E'a\\'b'", false), (SqlTokenKind.Comma, ",", false), (SqlTokenKind.Parameter, "$1", false),
                (SqlTokenKind.Operator, "::", false), (SqlTokenKind.Word, "int", false), (SqlTokenKind.Comma, ",", false),
                (SqlTokenKind.String, "U&'d\\0061t'", false),
            ],
            tokens);
    }

    [Fact]
    public void MySql_reads_backslash_escapes_double_quoted_strings_hash_comments_and_needs_a_blank_after_dashes()
    {
        var tokens = Tokens("SELECT 'a\\'b', \"c\\\"d\", `e``f`, 1--1, _utf8mb4'x' # rest", SqlDialect.MySql);

        Assert.Equal(
            [
                (SqlTokenKind.Word, "SELECT", false), (SqlTokenKind.String, "'a\\'b'", false), (SqlTokenKind.Comma, ",", false),
                (SqlTokenKind.String, "\"c\\\"d\"", false), (SqlTokenKind.Comma, ",", false),
                (SqlTokenKind.QuotedIdentifier, "`e``f`", false),
                (SqlTokenKind.Comma, ",", false), (SqlTokenKind.Number, "1", false), (SqlTokenKind.Operator, "--", false),
                (SqlTokenKind.Number, "1", false), (SqlTokenKind.Comma, ",", false), (SqlTokenKind.String, "_utf8mb4'x'", false),
                (SqlTokenKind.Comment, "# rest", false),
            ],
            tokens);
    }

    [Fact]
    public void Sqlite_reads_every_identifier_quote_blobs_and_named_parameters()
    {
        var tokens = Tokens("SELECT \"a\", [b], `c`, X'0A', ?1, :name, $v FROM t", SqlDialect.Sqlite);

        Assert.Equal(
            new[] { "SELECT", "\"a\"", ",", "[b]", ",", "`c`", ",", "X'0A'", ",", "?1", ",", ":name", ",", "$v", "FROM", "t" },
            tokens.Select(t => t.Text).ToArray());
        Assert.Equal(SqlTokenKind.String, tokens[7].Kind);
        Assert.Equal(SqlTokenKind.Parameter, tokens[11].Kind);
    }

    [Theory]
    [InlineData("SELECT 'abc", SqlDialect.SqlServer, SqlTokenKind.String)]
    [InlineData("SELECT /* abc", SqlDialect.Sqlite, SqlTokenKind.Comment)]
    [InlineData("SELECT $x$ abc", SqlDialect.PostgreSql, SqlTokenKind.String)]
    [InlineData("SELECT [abc", SqlDialect.SqlServer, SqlTokenKind.QuotedIdentifier)]
    public void Unclosed_literal_runs_to_the_end_and_is_marked(string sql, SqlDialect dialect, SqlTokenKind kind)
    {
        var last = Tokens(sql, dialect)[^1];

        Assert.Equal((kind, sql.Substring(7), true), last);
    }
}
