namespace RaspAnalyzers.Guards;

/// <summary>The kind of a SQL token.</summary>
public enum SqlTokenKind
{
    /// <summary>A keyword or an unquoted identifier; the tokenizer does not tell them apart.</summary>
    Word,

    /// <summary>A quoted identifier: <c>"a"</c>, <c>[a]</c> or <c>`a`</c> by dialect.</summary>
    QuotedIdentifier,

    /// <summary>A string or binary literal in any of the dialect's forms.</summary>
    String,

    /// <summary>A numeric literal, including <c>0x</c> hexadecimal where the dialect has it.</summary>
    Number,

    /// <summary>A bind parameter or variable: <c>@p</c>, <c>:p</c>, <c>$1</c>, <c>?</c>.</summary>
    Parameter,

    /// <summary>A run of operator characters such as <c>=</c>, <c>&lt;&gt;</c>, <c>||</c>, <c>::</c>.</summary>
    Operator,

    /// <summary>A comma.</summary>
    Comma,

    /// <summary>A dot between name parts.</summary>
    Dot,

    /// <summary>An opening parenthesis.</summary>
    OpenParen,

    /// <summary>A closing parenthesis.</summary>
    CloseParen,

    /// <summary>A semicolon, which ends a statement.</summary>
    Semicolon,

    /// <summary>A line or block comment.</summary>
    Comment,

    /// <summary>Any other single character.</summary>
    Other,
}
