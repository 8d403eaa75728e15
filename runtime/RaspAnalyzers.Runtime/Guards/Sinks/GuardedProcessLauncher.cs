using System;
using System.Diagnostics;

namespace RaspAnalyzers.Guards;

/// <summary>Starts programs whose file name or arguments come from request data, after the command guard.</summary>
public sealed class GuardedProcessLauncher
{
    private readonly RaspGuard _guard;

    /// <summary>Creates the guarded launcher.</summary>
    /// <param name="guard">The guard.</param>
    public GuardedProcessLauncher(RaspGuard guard)
    {
        _guard = guard ?? throw new ArgumentNullException(nameof(guard));
    }

    /// <summary>Checks <paramref name="startInfo"/>, then starts the program.</summary>
    /// <param name="startInfo">What to start; prefer <see cref="ProcessStartInfo.ArgumentList"/> to one string.</param>
    /// <returns>The started process, or null when an existing one was reused.</returns>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public Process? Start(ProcessStartInfo startInfo)
    {
        _guard.CheckProcessStart(startInfo);
        return Process.Start(startInfo);
    }

    /// <summary>Checks a shell command line, then runs it with <c>/bin/sh -c</c> (or <c>cmd.exe /c</c> on Windows).</summary>
    /// <param name="commandLine">The command line.</param>
    /// <returns>The started shell.</returns>
    /// <exception cref="RaspBlockedException">An attack was found in Block mode.</exception>
    public Process? StartShell(string commandLine)
    {
        bool windows = OperatingSystem.IsWindows();
        _guard.CheckShellCommand(commandLine, windows ? ShellDialect.Cmd : ShellDialect.PosixShell);
        var startInfo = new ProcessStartInfo(windows ? "cmd.exe" : "/bin/sh") { UseShellExecute = false };
        startInfo.ArgumentList.Add(windows ? "/c" : "-c");
        startInfo.ArgumentList.Add(commandLine);
        return Process.Start(startInfo);
    }
}
