using System;
using System.Net;
using System.Net.Sockets;

namespace RaspAnalyzers.Guards;

/// <summary>Tells addresses an outbound call from a server should not reach from the public ones.</summary>
public static class AddressClassifier
{
    /// <summary>
    /// True for loopback, unspecified, private (RFC 1918), carrier-grade NAT, link-local, unique-local, site-local,
    /// multicast, reserved and cloud metadata addresses; IPv4 embedded in IPv6 (mapped, compatible, NAT64, 6to4) is
    /// judged as the IPv4 address it carries.
    /// </summary>
    /// <param name="address">The address.</param>
    /// <returns>True when the address is not a public unicast address.</returns>
    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> v4 = stackalloc byte[4];
            address.TryWriteBytes(v4, out _);
            return IsInternalV4(v4);
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if (TryEmbeddedV4(b, out int offset))
        {
            return IsInternalV4(b.Slice(offset, 4));
        }

        bool unspecifiedOrLoopback = b.Slice(0, 15).IndexOfAnyExcept((byte)0) < 0 && b[15] <= 1;
        return unspecifiedOrLoopback
            || (b[0] & 0xFE) == 0xFC                      // fc00::/7 unique local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)    // fe80::/10 link-local
            || (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0)    // fec0::/10 site-local (deprecated)
            || b[0] == 0xFF                                // multicast
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8); // 2001:db8::/32 documentation
    }

    /// <summary>True for the instance metadata addresses of the large cloud providers.</summary>
    /// <param name="address">The address.</param>
    /// <returns>True for a metadata address.</returns>
    public static bool IsCloudMetadata(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        string text = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return text is "169.254.169.254" or "169.254.170.2" or "100.100.100.200" or "192.0.0.192" or "fd00:ec2::254";
    }

    private static bool TryEmbeddedV4(ReadOnlySpan<byte> b, out int offset)
    {
        offset = 12;
        bool firstTenZero = b.Slice(0, 10).IndexOfAnyExcept((byte)0) < 0;
        if (firstTenZero && b[10] == 0xFF && b[11] == 0xFF)
        {
            return true; // ::ffff:a.b.c.d mapped
        }

        if (firstTenZero && b[10] == 0 && b[11] == 0 && (b[12] | b[13]) != 0)
        {
            return true; // ::a.b.c.d compatible (deprecated, still routed by some stacks)
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)
        {
            return true; // 64:ff9b::/96 NAT64
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            offset = 2;
            return true; // 2002::/16 6to4
        }

        return false;
    }

    private static bool IsInternalV4(ReadOnlySpan<byte> a) =>
        a[0] == 0 || a[0] == 10 || a[0] == 127 || a[0] >= 224
        || (a[0] == 100 && (a[1] & 0xC0) == 64)   // 100.64.0.0/10 carrier-grade NAT (and Alibaba metadata)
        || (a[0] == 169 && a[1] == 254)           // link-local, cloud metadata
        || (a[0] == 172 && (a[1] & 0xF0) == 16)
        || (a[0] == 192 && a[1] == 168)
        || (a[0] == 192 && a[1] == 0 && a[2] == 0) // IETF protocol assignments (Oracle metadata)
        || (a[0] == 198 && (a[1] & 0xFE) == 18);  // benchmarking
}
