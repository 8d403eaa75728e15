using System.Collections.Generic;

namespace RaspAnalyzers.Guards;

/// <summary>Settings of the path traversal guard (<c>Rasp:Path</c>).</summary>
public sealed class PathGuardOptions
{
    /// <summary>Off, Monitor or Block. Default: Monitor.</summary>
    public GuardMode Mode { get; set; } = GuardMode.Monitor;

    /// <summary>
    /// Absolute directories that guarded file access must stay under. When empty, only the untrusted values are
    /// judged (dot-dot segments, absolute paths, control characters).
    /// </summary>
    public List<string> AllowedRoots { get; set; } = [];

    /// <summary>The path rules; Auto follows the operating system the app runs on.</summary>
    public PathStyle Style { get; set; } = PathStyle.Auto;
}
