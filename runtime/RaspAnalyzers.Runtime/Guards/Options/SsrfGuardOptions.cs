using System.Collections.Generic;

namespace RaspAnalyzers.Guards;

/// <summary>Settings of the server-side request forgery guard (<c>Rasp:Ssrf</c>).</summary>
public sealed class SsrfGuardOptions
{
    /// <summary>Off, Monitor or Block. Default: Monitor.</summary>
    public GuardMode Mode { get; set; } = GuardMode.Monitor;

    /// <summary>
    /// Host names an untrusted value may point an outbound URL at, exact or as <c>*.example.org</c>. When empty,
    /// any public host name is allowed and only internal names and addresses are refused.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Schemes an untrusted value may choose; empty means http and https.</summary>
    public List<string> AllowedSchemes { get; set; } = [];

    /// <summary>
    /// Internal networks guarded HTTP clients may connect to, as addresses or CIDR ranges (for example the app's own
    /// back-end services). Loopback, private, link-local, unique-local and metadata addresses are refused otherwise.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];
}
