using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace RaspAnalyzers.Guards;

/// <summary>Checks <see cref="RaspOptions"/> at start-up and names each wrong setting by its configuration key.</summary>
public sealed class RaspOptionsValidator : IValidateOptions<RaspOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RaspOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        CheckDefined(failures, "Rasp:Sql:Mode", options.Sql.Mode);
        CheckDefined(failures, "Rasp:Path:Mode", options.Path.Mode);
        CheckDefined(failures, "Rasp:Command:Mode", options.Command.Mode);
        CheckDefined(failures, "Rasp:Ssrf:Mode", options.Ssrf.Mode);
        CheckDefined(failures, "Rasp:FailureMode", options.FailureMode);
        CheckDefined(failures, "Rasp:Sql:DefaultDialect", options.Sql.DefaultDialect);
        CheckDefined(failures, "Rasp:Path:Style", options.Path.Style);

        for (int i = 0; i < options.Path.AllowedRoots.Count; i++)
        {
            string root = options.Path.AllowedRoots[i];
            if (string.IsNullOrWhiteSpace(root) || !PathCanonicalizer.IsAbsolute(root))
            {
                failures.Add($"Rasp:Path:AllowedRoots:{i} must be an absolute directory, such as /srv/ehr/documents.");
            }
        }

        for (int i = 0; i < options.Ssrf.AllowedHosts.Count; i++)
        {
            string host = options.Ssrf.AllowedHosts[i];
            if (string.IsNullOrWhiteSpace(host) || host.IndexOfAny(['/', ':', '@', '\\', ' ']) >= 0)
            {
                failures.Add($"Rasp:Ssrf:AllowedHosts:{i} must be a bare host name such as fhir.example.org or *.example.org, without scheme, port or path.");
            }
        }

        for (int i = 0; i < options.Ssrf.AllowedNetworks.Count; i++)
        {
            if (!SsrfPolicy.TryParseNetwork(options.Ssrf.AllowedNetworks[i], out _, out _))
            {
                failures.Add($"Rasp:Ssrf:AllowedNetworks:{i} must be an IP address or a CIDR range such as 10.20.0.0/16.");
            }
        }

        RequestCaptureOptions capture = options.Capture;
        CheckRange(failures, "Rasp:Capture:MaxBodyBytes", capture.MaxBodyBytes, 0, 16 * 1024 * 1024);
        CheckRange(failures, "Rasp:Capture:MaxValues", capture.MaxValues, 1, 10_000);
        CheckRange(failures, "Rasp:Capture:MaxValueLength", capture.MaxValueLength, 1, 1024 * 1024);
        CheckRange(failures, "Rasp:Capture:MaxJsonDepth", capture.MaxJsonDepth, 1, 256);
        if ((capture.Parts & ~RequestPart.All) != 0)
        {
            failures.Add("Rasp:Capture:Parts may name only Query, Form, Route, Cookie, Header and JsonBody.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDefined<TEnum>(List<string> failures, string key, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            failures.Add($"{key} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }

    private static void CheckRange(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be between {min} and {max}; it is {value}.");
        }
    }
}
