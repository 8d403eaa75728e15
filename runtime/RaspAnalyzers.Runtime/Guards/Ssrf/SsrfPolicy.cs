using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace RaspAnalyzers.Guards;

/// <summary>
/// Which outbound destinations are allowed: host names (exact, or <c>*.suffix</c>), schemes, and networks that may
/// be reached although they are internal.
/// </summary>
public sealed class SsrfPolicy
{
    private static readonly string[] InternalNames =
        ["localhost", "metadata", "metadata.google.internal", "instance-data", "kubernetes.default"];

    private readonly string[] _hosts;
    private readonly string[] _schemes;
    private readonly (byte[] Network, int PrefixLength)[] _networks;

    /// <summary>Creates a policy.</summary>
    /// <param name="allowedHosts">Host names an untrusted value may point a URL at; empty allows any public host.</param>
    /// <param name="allowedSchemes">Schemes allowed; empty means http and https.</param>
    /// <param name="allowedNetworks">Internal networks that may be reached, as addresses or CIDR ranges.</param>
    public SsrfPolicy(IEnumerable<string> allowedHosts, IEnumerable<string> allowedSchemes, IEnumerable<string> allowedNetworks)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        ArgumentNullException.ThrowIfNull(allowedSchemes);
        ArgumentNullException.ThrowIfNull(allowedNetworks);
        _hosts = [.. Normalize(allowedHosts)];
        string[] schemes = [.. Normalize(allowedSchemes)];
        _schemes = schemes.Length == 0 ? ["http", "https"] : schemes;
        var networks = new List<(byte[], int)>();
        foreach (string network in allowedNetworks)
        {
            networks.Add(TryParseNetwork(network, out byte[] bytes, out int prefix)
                ? (bytes, prefix)
                : throw new FormatException($"'{network}' is not an IP address or CIDR range."));
        }

        _networks = [.. networks];
    }

    /// <summary>A policy that allows any public host over http or https and no internal network.</summary>
    public static SsrfPolicy Default { get; } = new([], [], []);

    /// <summary>True when <paramref name="scheme"/> is allowed.</summary>
    /// <param name="scheme">A scheme without its colon.</param>
    /// <returns>True when allowed.</returns>
    public bool IsSchemeAllowed(ReadOnlySpan<char> scheme)
    {
        foreach (string allowed in _schemes)
        {
            if (scheme.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a URL pointed at <paramref name="host"/> by an untrusted value may be called. An IP literal in any
    /// form is judged as an address; a name must be on the allow-list, or, with an empty list, not an internal name.
    /// </summary>
    /// <param name="host">The URL host.</param>
    /// <returns>True when allowed.</returns>
    public bool IsHostAllowed(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        string name = host.TrimEnd('.').ToLowerInvariant();
        if (IpLiteralParser.TryParse(name, out IPAddress? address))
        {
            return (_hosts.Length == 0 || Array.IndexOf(_hosts, name) >= 0) && IsAddressAllowed(address!);
        }

        if (name.Length == 0 || name.Contains('%') || name.Contains('\\'))
        {
            return false;
        }

        if (_hosts.Length == 0)
        {
            return Array.IndexOf(InternalNames, name) < 0 && !name.EndsWith(".localhost", StringComparison.Ordinal)
                && !name.EndsWith(".internal", StringComparison.Ordinal) && !name.EndsWith(".local", StringComparison.Ordinal);
        }

        foreach (string allowed in _hosts)
        {
            bool matches = allowed.StartsWith("*.", StringComparison.Ordinal)
                ? name.EndsWith(allowed.AsSpan(1), StringComparison.Ordinal)
                : name == allowed;
            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a connection to <paramref name="address"/> may be opened.</summary>
    /// <param name="address">A resolved address.</param>
    /// <returns>True for a public address or one inside an allowed network.</returns>
    public bool IsAddressAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!AddressClassifier.IsInternal(address) && !AddressClassifier.IsCloudMetadata(address))
        {
            return true;
        }

        IPAddress candidate = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        byte[] bytes = candidate.GetAddressBytes();
        foreach ((byte[] network, int prefix) in _networks)
        {
            if (network.Length == bytes.Length && PrefixMatches(network, bytes, prefix))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads an address or a CIDR range.</summary>
    /// <param name="text">Such as <c>10.1.0.0/16</c>, <c>127.0.0.1</c> or <c>fd00::/8</c>.</param>
    /// <param name="network">The network's address bytes.</param>
    /// <param name="prefixLength">The prefix length in bits.</param>
    /// <returns>False when <paramref name="text"/> is neither.</returns>
    public static bool TryParseNetwork(string? text, out byte[] network, out int prefixLength)
    {
        network = [];
        prefixLength = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        int slash = text.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? text : text.Substring(0, slash), out IPAddress? address))
        {
            return false;
        }

        network = address.GetAddressBytes();
        prefixLength = network.Length * 8;
        return slash < 0
            || (int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength)
                && prefixLength <= network.Length * 8);
    }

    private static bool PrefixMatches(byte[] network, byte[] address, int prefixLength)
    {
        for (int bit = 0; bit < prefixLength; bit += 8)
        {
            int bits = Math.Min(8, prefixLength - bit);
            int mask = (0xFF << (8 - bits)) & 0xFF;
            if ((network[bit / 8] & mask) != (address[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Normalize(IEnumerable<string> items)
    {
        foreach (string item in items)
        {
            if (!string.IsNullOrWhiteSpace(item))
            {
                yield return item.Trim().TrimEnd('.').ToLowerInvariant();
            }
        }
    }
}
