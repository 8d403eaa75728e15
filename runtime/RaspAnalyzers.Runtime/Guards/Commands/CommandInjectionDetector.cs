using System;
using System.Collections.Generic;
using System.IO;

namespace RaspAnalyzers.Guards;

/// <summary>
/// Decides whether an untrusted value changed what a command runs: for a shell string, by tokenizing it; for an
/// argument list, by looking at the executable and at a shell's <c>-c</c> script. Pure functions.
/// </summary>
public static class CommandInjectionDetector
{
    private static readonly string[] PosixShells = ["sh", "bash", "dash", "zsh", "ksh", "ash", "busybox"];
    private static readonly string[] PowerShells = ["powershell", "pwsh"];

    /// <summary>Inspects a command line that a shell will read.</summary>
    /// <param name="commandLine">The full command line.</param>
    /// <param name="dialect">The shell that reads it.</param>
    /// <param name="values">The untrusted values of the current request.</param>
    /// <returns>Clean, or the first attack found.</returns>
    public static DetectorVerdict InspectShell(ReadOnlySpan<char> commandLine, ShellDialect dialect, ReadOnlySpan<UntrustedValue> values)
    {
        int first = SqlInjectionDetector.IndexOfFirstOccurringValue(commandLine, values);
        if (first < 0)
        {
            return DetectorVerdict.Clean;
        }

        var tokens = new List<ShellToken>();
        var tokenizer = new ShellTokenizer(commandLine, dialect);
        while (tokenizer.TryRead(out ShellToken token))
        {
            tokens.Add(token);
        }

        for (int v = first; v < values.Length; v++)
        {
            string value = values[v].Value;
            int from = 0;
            for (int n = 0; n < SqlInjectionDetector.MaxOccurrencesPerValue && from < commandLine.Length; n++)
            {
                int found = commandLine.Slice(from).IndexOf(value.AsSpan(), StringComparison.Ordinal);
                if (found < 0)
                {
                    break;
                }

                int start = from + found;
                string? reason = JudgeOccurrence(tokens, value, start, start + value.Length);
                if (reason is not null)
                {
                    return DetectorVerdict.Attack(reason, v);
                }

                from = start + 1;
            }
        }

        return DetectorVerdict.Clean;
    }

    /// <summary>Inspects a program started with an argument list, where no shell reads the arguments.</summary>
    /// <param name="fileName">The program to start.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="values">The untrusted values of the current request.</param>
    /// <returns>Clean, or the first attack found.</returns>
    public static DetectorVerdict InspectArguments(string fileName, IReadOnlyList<string> arguments, ReadOnlySpan<UntrustedValue> values)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(arguments);

        for (int v = 0; v < values.Length; v++)
        {
            if (fileName.Contains(values[v].Value, StringComparison.Ordinal))
            {
                return DetectorVerdict.Attack("names the executable", v);
            }
        }

        string program = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/')).ToLowerInvariant();
        int script = ScriptArgumentIndex(program, arguments);
        if (script >= 0)
        {
            ShellDialect dialect = program == "cmd" ? ShellDialect.Cmd : ShellDialect.PosixShell;
            for (int v = 0; v < values.Length; v++)
            {
                if (arguments[script] == values[v].Value)
                {
                    return DetectorVerdict.Attack("is the shell script", v);
                }
            }

            DetectorVerdict verdict = InspectShell(arguments[script], dialect, values);
            if (verdict.IsAttack)
            {
                return verdict;
            }
        }

        for (int i = 0; i < arguments.Count; i++)
        {
            for (int v = 0; v < values.Length; v++)
            {
                if (i != script && arguments[i] == values[v].Value && IsOption(arguments[i]))
                {
                    return DetectorVerdict.Attack("injects an option", v);
                }
            }
        }

        return DetectorVerdict.Clean;
    }

    private static int ScriptArgumentIndex(string program, IReadOnlyList<string> arguments)
    {
        bool posix = Array.IndexOf(PosixShells, program) >= 0;
        bool power = Array.IndexOf(PowerShells, program) >= 0;
        for (int i = 0; i + 1 < arguments.Count; i++)
        {
            string argument = arguments[i];
            bool isScriptFlag = (posix && argument.Length > 1 && argument[0] == '-' && argument[1] != '-' && argument.Contains('c'))
                || (program == "cmd" && (argument.Equals("/c", StringComparison.OrdinalIgnoreCase)
                    || argument.Equals("/k", StringComparison.OrdinalIgnoreCase)))
                || (power && (argument.Equals("-c", StringComparison.OrdinalIgnoreCase)
                    || argument.Equals("-command", StringComparison.OrdinalIgnoreCase)
                    || argument.StartsWith("-e", StringComparison.OrdinalIgnoreCase)));
            if (isScriptFlag)
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static bool IsOption(string argument) =>
        argument.Length > 1 && argument[0] == '-' && !double.TryParse(argument, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string? JudgeOccurrence(List<ShellToken> tokens, string value, int start, int end)
    {
        int previousKind = -1;
        bool first = true;
        for (int i = 0; i < tokens.Count; i++)
        {
            ShellToken token = tokens[i];
            if (token.End <= start)
            {
                previousKind = (int)token.Kind;
                continue;
            }

            if (token.Start >= end)
            {
                break;
            }

            string? reason = token.Kind switch
            {
                ShellTokenKind.Operator => "chains a command",
                ShellTokenKind.Redirection => "redirects input or output",
                ShellTokenKind.Substitution => "substitutes a command",
                ShellTokenKind.Variable => "expands a variable",
                ShellTokenKind.Comment => "injects a comment",
                ShellTokenKind.Quote => "breaks out of quoting",
                ShellTokenKind.Whitespace => "adds an argument",
                _ => null,
            };

            if (reason is not null)
            {
                return reason;
            }

            if (token.InCommandWord)
            {
                return "names the executable";
            }

            bool startsWord = first && token.Start == start && previousKind is -1 or (int)ShellTokenKind.Whitespace;
            if (startsWord && IsOption(value))
            {
                return "injects an option";
            }

            first = false;
        }

        return null;
    }
}
