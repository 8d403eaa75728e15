using System;

namespace RaspAnalyzers.Analyzers.Taint;

/// <summary>
/// Which kinds of input count as untrusted, chosen with the .editorconfig key <c>rasp_threat_models</c>
/// (comma-separated; <c>remote</c> when absent).
/// </summary>
[Flags]
internal enum ThreatModels
{
    None = 0,

    /// <summary>Everything a client sends: request parameters, bound models, headers, cookies, the body.</summary>
    Remote = 1,

    /// <summary>The console, the command line, environment variables and files.</summary>
    Local = 2,

    /// <summary>Values read back from a database: second-order injection.</summary>
    Database = 4,

    All = Remote | Local | Database,
}

internal static class ThreatModelOption
{
    public const string Key = "rasp_threat_models";

    /// <summary>
    /// Parses the option. Unknown names are ignored rather than failing the build; an option that names nothing
    /// known falls back to the default so that a typo never turns the analysis off.
    /// </summary>
    public static ThreatModels Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ThreatModels.Remote;
        }

        var models = ThreatModels.None;
        foreach (var part in value!.Split(','))
        {
            switch (part.Trim().ToLowerInvariant())
            {
                case "remote":
                    models |= ThreatModels.Remote;
                    break;
                case "local":
                    models |= ThreatModels.Local;
                    break;
                case "database":
                    models |= ThreatModels.Database;
                    break;
                case "all":
                    models |= ThreatModels.All;
                    break;
            }
        }

        return models == ThreatModels.None ? ThreatModels.Remote : models;
    }
}
