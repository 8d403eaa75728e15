using System;
using System.Globalization;
using System.Net;

namespace RaspAnalyzers.Guards;

/// <summary>
/// Reads a URL host as an IP address in every form resolvers accept: dotted IPv4 with decimal, octal (<c>0177</c>)
/// or hexadecimal (<c>0x7f</c>) parts, fewer than four parts (<c>127.1</c>), one 32-bit number (<c>2130706433</c>),
/// percent-encoded digits, a trailing dot, and bracketed IPv6 including IPv4-mapped forms.
/// </summary>
public static class IpLiteralParser
{
    /// <summary>Reads <paramref name="host"/> as an IP address.</summary>
    /// <param name="host">A URL host, brackets of an IPv6 literal included.</param>
    /// <param name="address">The address.</param>
    /// <returns>False when the host is a name, not an address.</returns>
    public static bool TryParse(string host, out IPAddress? address)
    {
        ArgumentNullException.ThrowIfNull(host);
        address = null;
        string text = host.Contains('%') ? SafeUnescape(host) : host;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']');
            string inner = close < 0 ? text.Substring(1) : text.Substring(1, close - 1);
            int zone = inner.IndexOf('%');
            return IPAddress.TryParse(zone < 0 ? inner : inner.Substring(0, zone), out address);
        }

        if (text.EndsWith('.'))
        {
            text = text.Substring(0, text.Length - 1);
        }

        if (!TryParseIPv4(text, out uint value))
        {
            return false;
        }

        address = new IPAddress(new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value });
        return true;
    }

    /// <summary>Reads an IPv4 address the way <c>inet_aton</c> does.</summary>
    /// <param name="text">One to four parts separated by dots.</param>
    /// <param name="value">The address as a 32-bit number.</param>
    /// <returns>False when <paramref name="text"/> is not such an address.</returns>
    public static bool TryParseIPv4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        Span<ulong> parts = stackalloc ulong[4];
        int count = 0;
        while (true)
        {
            if (count == 4)
            {
                return false;
            }

            int dot = text.IndexOf('.');
            ReadOnlySpan<char> part = dot < 0 ? text : text.Slice(0, dot);
            if (!TryParsePart(part, out parts[count]))
            {
                return false;
            }

            count++;
            if (dot < 0)
            {
                break;
            }

            text = text.Slice(dot + 1);
        }

        ulong result = 0;
        for (int i = 0; i < count - 1; i++)
        {
            if (parts[i] > 255)
            {
                return false;
            }

            result |= parts[i] << (8 * (3 - i));
        }

        ulong last = parts[count - 1];
        ulong limit = count == 1 ? uint.MaxValue : (1UL << (8 * (5 - count))) - 1;
        if (last > limit)
        {
            return false;
        }

        value = (uint)(result | last);
        return true;
    }

    private static bool TryParsePart(ReadOnlySpan<char> part, out ulong value)
    {
        value = 0;
        if (part.IsEmpty || part.Length > 34)
        {
            return false;
        }

        if (part.Length > 1 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X'))
        {
            return part.Length == 2
                || ulong.TryParse(part.Slice(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        int radix = part.Length > 1 && part[0] == '0' ? 8 : 10;
        foreach (char c in part)
        {
            int digit = c - '0';
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            if (value > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }

            value = (value * (ulong)radix) + (ulong)digit;
        }

        return true;
    }

    private static string SafeUnescape(string host)
    {
        try
        {
            return Uri.UnescapeDataString(host);
        }
        catch (UriFormatException)
        {
            return host;
        }
    }
}
