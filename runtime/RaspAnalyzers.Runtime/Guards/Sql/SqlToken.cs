namespace RaspAnalyzers.Guards;

/// <summary>One token of a SQL statement, as a range of the statement's characters.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">The index of its first character.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="Unterminated">True for a string, quoted identifier or block comment that the statement never closes.</param>
public readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, bool Unterminated = false)
{
    /// <summary>The index just past the token's last character.</summary>
    public int End => Start + Length;
}
