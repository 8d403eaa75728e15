namespace RaspAnalyzers.Guards;

/// <summary>The kind of a shell token.</summary>
public enum ShellTokenKind
{
    /// <summary>Literal characters of a word, quoted or not, including escaped characters.</summary>
    Text,

    /// <summary>Unquoted blanks that separate arguments.</summary>
    Whitespace,

    /// <summary>A quote character that opens or closes quoting.</summary>
    Quote,

    /// <summary>A control operator or command separator: <c>; &amp; | &amp;&amp; || ( )</c> or a newline.</summary>
    Operator,

    /// <summary>A redirection: <c>&lt; &gt; &gt;&gt; &lt;&lt;</c>.</summary>
    Redirection,

    /// <summary>A command substitution: <c>$( )</c>, backticks, <c>&lt;( )</c>.</summary>
    Substitution,

    /// <summary>A parameter or variable expansion: <c>$HOME</c>, <c>${x}</c>, <c>%PATH%</c>, <c>!x!</c>.</summary>
    Variable,

    /// <summary>A comment, from <c>#</c> at the start of a word to the end of the line.</summary>
    Comment,
}
