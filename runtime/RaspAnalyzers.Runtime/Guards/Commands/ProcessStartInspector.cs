using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace RaspAnalyzers.Guards;

/// <summary>Applies the command detector to a <see cref="ProcessStartInfo"/>, in either of its argument forms.</summary>
internal static class ProcessStartInspector
{
    public static DetectorVerdict Inspect(ProcessStartInfo startInfo, ReadOnlySpan<UntrustedValue> values)
    {
        if (startInfo.ArgumentList.Count > 0)
        {
            return CommandInjectionDetector.InspectArguments(startInfo.FileName, startInfo.ArgumentList, values);
        }

        // One Arguments string is split by the started program (or by .NET on Unix), not by a shell, so only
        // blanks and quotes inside a value change the argument list.
        string arguments = startInfo.Arguments;
        for (int v = 0; v < values.Length; v++)
        {
            string value = values[v].Value;
            if (arguments.Contains(value, StringComparison.Ordinal) && value.AsSpan().IndexOfAny(" \t\"\n\r") >= 0)
            {
                return DetectorVerdict.Attack("adds an argument", v);
            }
        }

        return CommandInjectionDetector.InspectArguments(startInfo.FileName, Split(arguments), values);
    }

    private static List<string> Split(string arguments)
    {
        var result = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in arguments)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    result.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            result.Add(current.ToString());
        }

        return result;
    }
}
