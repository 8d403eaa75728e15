using System;

namespace RaspAnalyzers.Guards;

/// <summary>The few keywords the SQL detector needs to recognise; comparisons ignore case and allocate nothing.</summary>
internal static class SqlKeywords
{
    private static readonly string[] Structural =
    [
        "OR", "AND", "NOT", "UNION", "SELECT", "INSERT", "UPDATE", "DELETE", "DROP", "EXEC", "EXECUTE", "WAITFOR",
        "SHUTDOWN", "TRUNCATE", "ALTER", "CREATE", "GRANT", "REVOKE", "INTO", "FROM", "WHERE", "HAVING", "LIKE", "IS",
        "CASE", "WHEN", "THEN", "ELSE", "END", "SLEEP", "BENCHMARK", "PG_SLEEP", "DECLARE", "CAST", "CONVERT", "CHAR",
        "CONCAT", "LOAD_FILE", "OUTFILE", "DUMPFILE", "ATTACH", "PRAGMA", "XP_CMDSHELL", "SP_EXECUTESQL", "ASC", "DESC",
        "NULLS", "FIRST", "LAST", "COLLATE", "LIMIT", "OFFSET", "BETWEEN", "IN", "EXISTS", "ORDER", "GROUP", "BY", "ALL",
    ];

    private static readonly string[] SortWords = ["ASC", "DESC", "NULLS", "FIRST", "LAST", "COLLATE"];

    private static readonly string[] LiteralWords = ["NULL", "TRUE", "FALSE"];

    /// <summary>True for a keyword that changes what a statement does when a value supplies it unquoted.</summary>
    public static bool IsStructural(ReadOnlySpan<char> word) => Contains(Structural, word) && !IsSortWord(word);

    /// <summary>True for the words an ORDER BY column list may contain besides names.</summary>
    public static bool IsSortWord(ReadOnlySpan<char> word) => Contains(SortWords, word);

    /// <summary>True for keywords that are literals.</summary>
    public static bool IsLiteralWord(ReadOnlySpan<char> word) => Contains(LiteralWords, word);

    private static bool Contains(string[] words, ReadOnlySpan<char> word)
    {
        foreach (string candidate in words)
        {
            if (word.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
