using System;
using System.Buffers;

namespace RaspAnalyzers.Guards;

/// <summary>
/// Decides whether an untrusted value changed the structure of a SQL statement. A pure function of the final
/// statement, its dialect and the request's untrusted values.
/// </summary>
/// <remarks>
/// A value is found in the statement by ordinal search, so a value the application transformed first (trimmed,
/// upper-cased, decoded again) is not found and not judged. A benign value that happens to equal a multi-token
/// fragment of the application's own statement text is reported as an attack.
/// </remarks>
public static class SqlInjectionDetector
{
    /// <summary>Occurrences of one value looked at; a value repeated more often than this is judged on the first ones.</summary>
    public const int MaxOccurrencesPerValue = 64;

    private const int StackTokenLimit = 256;

    /// <summary>Inspects <paramref name="statement"/> against <paramref name="values"/>.</summary>
    /// <param name="statement">The statement as it reaches the database.</param>
    /// <param name="dialect">The statement's dialect.</param>
    /// <param name="values">The untrusted values of the current request.</param>
    /// <returns>Clean, or the first attack found.</returns>
    public static DetectorVerdict Inspect(ReadOnlySpan<char> statement, SqlDialect dialect, ReadOnlySpan<UntrustedValue> values)
    {
        // Most statements contain no untrusted value at all (parameters carry them), so look for one cheaply first.
        int first = IndexOfFirstCandidate(statement, values);
        if (first < 0)
        {
            return DetectorVerdict.Clean;
        }

        // One pass into a stack buffer covers ordinary statements; a longer one is counted and re-read into a pooled array.
        Span<SqlToken> stackTokens = stackalloc SqlToken[StackTokenLimit];
        int count = Fill(statement, dialect, stackTokens, out bool complete);
        if (complete)
        {
            return InspectValues(statement, stackTokens.Slice(0, count), values, first);
        }

        SqlToken[] rented = ArrayPool<SqlToken>.Shared.Rent(CountTokens(statement, dialect));
        try
        {
            count = Fill(statement, dialect, rented, out _);
            return InspectValues(statement, rented.AsSpan(0, count), values, first);
        }
        finally
        {
            ArrayPool<SqlToken>.Shared.Return(rented);
        }
    }

    internal static int IndexOfFirstOccurringValue(ReadOnlySpan<char> text, ReadOnlySpan<UntrustedValue> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            string value = values[i].Value;
            if (value.Length > 0 && text.IndexOf(value.AsSpan(), StringComparison.Ordinal) >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfFirstCandidate(ReadOnlySpan<char> statement, ReadOnlySpan<UntrustedValue> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            ReadOnlySpan<char> value = values[i].Value.AsSpan();
            int quote = value.IndexOf('\'');

            // A value with a quote may appear with that quote doubled; its text up to the first quote must still be there.
            ReadOnlySpan<char> probe = quote < 0 ? value : value.Slice(0, quote + 1);
            if (!probe.IsEmpty && statement.IndexOf(probe, StringComparison.Ordinal) >= 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int CountTokens(ReadOnlySpan<char> statement, SqlDialect dialect)
    {
        var tokenizer = new SqlTokenizer(statement, dialect);
        int count = 0;
        while (tokenizer.TryRead(out _))
        {
            count++;
        }

        return count;
    }

    private static int Fill(ReadOnlySpan<char> statement, SqlDialect dialect, Span<SqlToken> tokens, out bool complete)
    {
        var tokenizer = new SqlTokenizer(statement, dialect);
        int count = 0;
        while (tokenizer.TryRead(out SqlToken token))
        {
            if (count == tokens.Length)
            {
                complete = false;
                return count;
            }

            tokens[count++] = token;
        }

        complete = true;
        return count;
    }

    private static DetectorVerdict InspectValues(
        ReadOnlySpan<char> statement, ReadOnlySpan<SqlToken> tokens, ReadOnlySpan<UntrustedValue> values, int first)
    {
        for (int v = first; v < values.Length; v++)
        {
            ReadOnlySpan<char> value = values[v].Value.AsSpan();
            if (value.IsEmpty)
            {
                continue;
            }

            string? reason = JudgeRawOccurrences(statement, tokens, value);
            if (reason is null && value.Contains('\''))
            {
                // Escaping by doubling quotes hides the raw value; MySQL's backslash still breaks out of it.
                reason = JudgeDoubledQuoteOccurrences(statement, tokens, value);
            }

            if (reason is not null)
            {
                return DetectorVerdict.Attack(reason, v);
            }
        }

        return DetectorVerdict.Clean;
    }

    private static string? JudgeRawOccurrences(ReadOnlySpan<char> statement, ReadOnlySpan<SqlToken> tokens, ReadOnlySpan<char> value)
    {
        int from = 0;
        for (int n = 0; n < MaxOccurrencesPerValue && from < statement.Length; n++)
        {
            int found = statement.Slice(from).IndexOf(value, StringComparison.Ordinal);
            if (found < 0)
            {
                return null;
            }

            int start = from + found;
            string? reason = JudgeOccurrence(statement, tokens, start, start + value.Length);
            if (reason is not null)
            {
                return reason;
            }

            from = start + 1;
        }

        return null;
    }

    private static string? JudgeDoubledQuoteOccurrences(
        ReadOnlySpan<char> statement,
        ReadOnlySpan<SqlToken> tokens,
        ReadOnlySpan<char> value)
    {
        int quote = value.IndexOf('\'');
        ReadOnlySpan<char> head = value.Slice(0, quote + 1);
        int from = 0;
        for (int n = 0; n < MaxOccurrencesPerValue && from < statement.Length; n++)
        {
            int found = statement.Slice(from).IndexOf(head, StringComparison.Ordinal);
            if (found < 0)
            {
                return null;
            }

            int start = from + found;
            int length = MatchDoubled(statement.Slice(start), value);
            if (length > 0)
            {
                string? reason = JudgeOccurrence(statement, tokens, start, start + length);
                if (reason is not null)
                {
                    return reason;
                }
            }

            from = start + 1;
        }

        return null;
    }

    private static int MatchDoubled(ReadOnlySpan<char> text, ReadOnlySpan<char> value)
    {
        // The length of text's prefix equal to value with each quote written twice, or 0.
        int position = 0;
        foreach (char c in value)
        {
            int needed = c == '\'' ? 2 : 1;
            if (position + needed > text.Length || text[position] != c || (needed == 2 && text[position + 1] != '\''))
            {
                return 0;
            }

            position += needed;
        }

        return position;
    }

    private static string? JudgeOccurrence(ReadOnlySpan<char> text, ReadOnlySpan<SqlToken> tokens, int start, int end)
    {
        int firstToken = FirstTokenEndingAfter(tokens, start);
        int lastToken = firstToken;
        while (lastToken + 1 < tokens.Length && tokens[lastToken + 1].Start < end)
        {
            lastToken++;
        }

        if (firstToken >= tokens.Length || tokens[firstToken].Start >= end)
        {
            return null;
        }

        for (int i = firstToken; i <= lastToken; i++)
        {
            SqlToken token = tokens[i];
            bool insideComment = firstToken == lastToken && token.Start < start && (token.End > end || token.Unterminated);
            if (token.Kind == SqlTokenKind.Comment && !insideComment)
            {
                return "injects a comment";
            }
        }

        return firstToken == lastToken
            ? JudgeSingleToken(text, tokens, firstToken, start, end)
            : JudgeTokenRun(text, tokens, firstToken, lastToken, start);
    }

    private static string? JudgeSingleToken(ReadOnlySpan<char> text, ReadOnlySpan<SqlToken> tokens, int index, int start, int end)
    {
        SqlToken token = tokens[index];
        bool isQuoted = token.Kind is SqlTokenKind.String or SqlTokenKind.QuotedIdentifier;
        if (isQuoted && token.Start >= start && (token.End > end || token.Unterminated))
        {
            return "opens a literal it does not close";
        }

        bool coversToken = start <= token.Start && end >= token.End;
        if (!coversToken)
        {
            return null;
        }

        switch (token.Kind)
        {
            case SqlTokenKind.Operator:
                return "injects an operator";
            case SqlTokenKind.Semicolon:
                return "stacks a statement";
            case SqlTokenKind.Word when SqlKeywords.IsStructural(Text(text, token)):
                return "injects a keyword";
        }

        return MakesTautology(text, tokens, index) ? "makes a tautology" : null;
    }

    private static bool MakesTautology(ReadOnlySpan<char> text, ReadOnlySpan<SqlToken> tokens, int index)
    {
        // "WHERE id = " + value with value "id" compares a column with itself.
        SqlToken token = tokens[index];
        if (index >= 2 && IsEquality(text, tokens[index - 1]) && SameOperand(text, tokens[index - 2], token))
        {
            return true;
        }

        return index + 2 < tokens.Length && IsEquality(text, tokens[index + 1]) && SameOperand(text, tokens[index + 2], token);
    }

    private static bool IsEquality(ReadOnlySpan<char> text, SqlToken token) =>
        (token.Kind == SqlTokenKind.Operator && Text(text, token) is "=" or "==")
        || (token.Kind == SqlTokenKind.Word && Text(text, token).Equals("LIKE", StringComparison.OrdinalIgnoreCase));

    private static bool SameOperand(ReadOnlySpan<char> text, SqlToken a, SqlToken b)
    {
        if (a.Kind != b.Kind || a.Kind is SqlTokenKind.Parameter or SqlTokenKind.Operator)
        {
            return false;
        }

        StringComparison comparison = a.Kind == SqlTokenKind.Word ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return Text(text, a).Equals(Text(text, b), comparison);
    }

    private static string? JudgeTokenRun(ReadOnlySpan<char> text, ReadOnlySpan<SqlToken> tokens, int first, int last, int start)
    {
        if (IsSignedNumber(text, tokens, first, last) || IsLiteralList(text, tokens, first, last)
            || IsOrderByList(text, tokens, first, last, start))
        {
            return null;
        }

        bool condition = false;
        for (int i = first; i <= last; i++)
        {
            SqlToken token = tokens[i];
            if (token.Kind == SqlTokenKind.Semicolon)
            {
                return "stacks a statement";
            }

            if (token.Kind != SqlTokenKind.Word)
            {
                continue;
            }

            ReadOnlySpan<char> word = Text(text, token);
            if (word.Equals("UNION", StringComparison.OrdinalIgnoreCase))
            {
                return "adds a UNION";
            }

            condition |= word.Equals("OR", StringComparison.OrdinalIgnoreCase) || word.Equals("AND", StringComparison.OrdinalIgnoreCase);
        }

        return condition ? "changes a condition" : "spans more than one token";
    }

    private static bool IsSignedNumber(ReadOnlySpan<char> text, ReadOnlySpan<SqlToken> tokens, int first, int last) =>
        last == first + 1 && tokens[first].Kind == SqlTokenKind.Operator && Text(text, tokens[first]) is "-" or "+"
        && tokens[last].Kind == SqlTokenKind.Number;

    private static bool IsLiteralList(ReadOnlySpan<char> text, ReadOnlySpan<SqlToken> tokens, int first, int last)
    {
        // "IN (" + "1, 2, 3" + ")" or "IN ('" + "a','b" + "')": literals and commas only, each literal closed.
        bool sawComma = false;
        for (int i = first; i <= last; i++)
        {
            SqlToken token = tokens[i];
            switch (token.Kind)
            {
                case SqlTokenKind.Comma:
                    sawComma = true;
                    break;
                case SqlTokenKind.Number:
                case SqlTokenKind.String when !token.Unterminated:
                    break;
                case SqlTokenKind.Operator when Text(text, token) is "-" or "+":
                    break;
                case SqlTokenKind.Word when SqlKeywords.IsLiteralWord(Text(text, token)):
                    break;
                default:
                    return false;
            }
        }

        return sawComma;
    }

    private static bool IsOrderByList(ReadOnlySpan<char> text, ReadOnlySpan<SqlToken> tokens, int first, int last, int start)
    {
        // The value must start at a token of its own and follow ORDER BY (or GROUP BY), maybe after earlier columns.
        if (tokens[first].Start < start || !FollowsOrderBy(text, tokens, first))
        {
            return false;
        }

        for (int i = first; i <= last; i++)
        {
            SqlToken token = tokens[i];
            bool allowed = token.Kind switch
            {
                SqlTokenKind.QuotedIdentifier or SqlTokenKind.Dot or SqlTokenKind.Comma or SqlTokenKind.Number => !token.Unterminated,
                SqlTokenKind.Word => !SqlKeywords.IsStructural(Text(text, token)) || SqlKeywords.IsSortWord(Text(text, token)),
                _ => false,
            };

            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static bool FollowsOrderBy(ReadOnlySpan<char> text, ReadOnlySpan<SqlToken> tokens, int first)
    {
        for (int i = first - 1, steps = 0; i >= 1 && steps < 64; i--, steps++)
        {
            SqlToken token = tokens[i];
            if (token.Kind == SqlTokenKind.Word && Text(text, token).Equals("BY", StringComparison.OrdinalIgnoreCase))
            {
                ReadOnlySpan<char> before = Text(text, tokens[i - 1]);
                return before.Equals("ORDER", StringComparison.OrdinalIgnoreCase)
                    || before.Equals("GROUP", StringComparison.OrdinalIgnoreCase);
            }

            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier or SqlTokenKind.Dot or SqlTokenKind.Comma))
            {
                return false;
            }
        }

        return false;
    }

    private static int FirstTokenEndingAfter(ReadOnlySpan<SqlToken> tokens, int position)
    {
        int low = 0;
        int high = tokens.Length;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (tokens[middle].End <= position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static ReadOnlySpan<char> Text(ReadOnlySpan<char> text, SqlToken token) => text.Slice(token.Start, token.Length);
}
