namespace RaspAnalyzers.Guards;

/// <summary>One token of a shell command line, as a range of its characters.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">The index of its first character.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="InCommandWord">True when the token belongs to the word that names the program to run.</param>
public readonly record struct ShellToken(ShellTokenKind Kind, int Start, int Length, bool InCommandWord)
{
    /// <summary>The index just past the token's last character.</summary>
    public int End => Start + Length;
}
