namespace RaspAnalyzers.Guards;

/// <summary>The shells whose command lines the command tokenizer reads.</summary>
public enum ShellDialect
{
    /// <summary>POSIX sh and its relatives (bash, dash, zsh) as far as quoting, operators and expansions go.</summary>
    PosixShell,

    /// <summary>Windows cmd.exe: <c>^</c> escapes, <c>%VAR%</c> and <c>!VAR!</c> expansion, <c>&amp; | &lt; &gt;</c>.</summary>
    Cmd,
}
