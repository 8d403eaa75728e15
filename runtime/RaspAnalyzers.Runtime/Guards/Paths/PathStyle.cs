namespace RaspAnalyzers.Guards;

/// <summary>Which operating system's path rules apply.</summary>
public enum PathStyle
{
    /// <summary>The rules of the operating system the app runs on.</summary>
    Auto,

    /// <summary>Unix: <c>/</c> separates, names are case-sensitive, a backslash is an ordinary character.</summary>
    Unix,

    /// <summary>Windows: <c>/</c> and <c>\</c> separate, drive letters and UNC shares root, names ignore case.</summary>
    Windows,
}
