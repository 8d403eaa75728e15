using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace RaspAnalyzers.Guards;

/// <summary>
/// Decodes and canonicalizes paths the way a lenient server or file system would read them, without touching the
/// file system: percent-encoding applied several times, overlong UTF-8, IIS <c>%u</c> escapes, both separators,
/// <c>.</c> and <c>..</c> segments, and the Windows habit of trimming trailing dots and spaces from names.
/// </summary>
public static class PathCanonicalizer
{
    /// <summary>How many rounds of percent-decoding are undone (<c>%25252e</c> needs three).</summary>
    public const int MaxDecodeRounds = 3;

    /// <summary>Resolves <see cref="PathStyle.Auto"/> to the style of the running operating system.</summary>
    /// <param name="style">The configured style.</param>
    /// <returns>Unix or Windows.</returns>
    public static PathStyle Resolve(PathStyle style) => style != PathStyle.Auto
        ? style
        : RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? PathStyle.Windows : PathStyle.Unix;

    /// <summary>Undoes up to <see cref="MaxDecodeRounds"/> rounds of percent-encoding, leniently.</summary>
    /// <param name="value">A value that may be encoded.</param>
    /// <returns>The decoded text; <paramref name="value"/> itself when it holds no escape.</returns>
    public static string Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (int round = 0; round < MaxDecodeRounds && value.Contains('%'); round++)
        {
            string decoded = DecodeOnce(value);
            if (decoded == value)
            {
                break;
            }

            value = decoded;
        }

        return value;
    }

    /// <summary>True when a segment of <paramref name="decoded"/> climbs to the parent directory.</summary>
    /// <param name="decoded">A decoded value.</param>
    /// <param name="style">Unix or Windows rules; Windows also reads "..." and ".. " as "..".</param>
    /// <returns>True for a dot-dot segment.</returns>
    /// <remarks>Both separators split segments under either style, so a value meant for Unix that would reach a
    /// Windows host still counts; a Unix file name that contains "\..\" is therefore refused.</remarks>
    public static bool HasParentSegment(ReadOnlySpan<char> decoded, PathStyle style)
    {
        while (true)
        {
            int separator = decoded.IndexOfAny('/', '\\');
            ReadOnlySpan<char> segment = separator < 0 ? decoded : decoded.Slice(0, separator);
            if (IsParentSegment(segment, style))
            {
                return true;
            }

            if (separator < 0)
            {
                return false;
            }

            decoded = decoded.Slice(separator + 1);
        }
    }

    /// <summary>True when <paramref name="decoded"/> is rooted: a leading separator, a drive letter or a UNC share.</summary>
    /// <param name="decoded">A decoded value.</param>
    /// <returns>True for an absolute path.</returns>
    public static bool IsAbsolute(ReadOnlySpan<char> decoded) =>
        (decoded.Length > 0 && (decoded[0] == '/' || decoded[0] == '\\'))
        || (decoded.Length > 1 && char.IsAsciiLetter(decoded[0]) && decoded[1] == ':');

    /// <summary>Canonicalizes <paramref name="path"/>, resolved against <paramref name="baseDirectory"/> when relative.</summary>
    /// <param name="path">The path a file API receives.</param>
    /// <param name="baseDirectory">The directory a relative path is resolved against.</param>
    /// <param name="style">Unix or Windows rules.</param>
    /// <returns>The canonical form with <c>/</c> separators and no <c>.</c> or <c>..</c> segments.</returns>
    public static string Canonicalize(string path, string baseDirectory, PathStyle style)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        style = Resolve(style);
        string unified = style == PathStyle.Windows ? path.Replace('\\', '/') : path;
        bool rooted = style == PathStyle.Windows ? IsAbsolute(unified) : unified.StartsWith('/');
        if (!rooted)
        {
            string root = style == PathStyle.Windows ? baseDirectory.Replace('\\', '/') : baseDirectory;
            unified = root.TrimEnd('/') + "/" + unified;
        }

        (string prefix, string remainder) = SplitRoot(unified, style);
        var segments = new List<string>();
        foreach (string raw in remainder.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            string segment = style == PathStyle.Windows ? raw.TrimEnd('.', ' ') : raw;
            if (segment.Length == 0 && raw.Length > 1 && style == PathStyle.Windows)
            {
                // Windows reads "..." and ".. " as "..".
                segment = "..";
            }

            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return prefix + string.Join('/', segments);
    }

    /// <summary>True when canonical <paramref name="path"/> is <paramref name="root"/> or lies under it.</summary>
    /// <param name="path">A canonical path.</param>
    /// <param name="root">A canonical root.</param>
    /// <param name="style">Windows compares ignoring case.</param>
    /// <returns>True when contained.</returns>
    public static bool IsUnder(string path, string root, PathStyle style)
    {
        StringComparison comparison = Resolve(style) == PathStyle.Windows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        string trimmedRoot = root.Length > 1 ? root.TrimEnd('/') : root;
        if (!path.StartsWith(trimmedRoot, comparison))
        {
            return false;
        }

        return path.Length == trimmedRoot.Length || trimmedRoot.EndsWith('/') || path[trimmedRoot.Length] == '/';
    }

    private static (string Prefix, string Remainder) SplitRoot(string path, PathStyle style)
    {
        if (style == PathStyle.Unix)
        {
            return ("/", path);
        }

        if (path.Length > 1 && path[1] == ':')
        {
            return (char.ToUpperInvariant(path[0]) + ":/", path.Substring(2));
        }

        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            // A UNC share or a device path: the server and share (or "?" and volume) stay fixed.
            string[] parts = path.Substring(2).Split('/', 3);
            string prefix = "//" + string.Join('/', parts, 0, Math.Min(2, parts.Length)) + "/";
            return (prefix, parts.Length > 2 ? parts[2] : string.Empty);
        }

        return ("/", path);
    }

    private static bool IsParentSegment(ReadOnlySpan<char> segment, PathStyle style)
    {
        if (segment.SequenceEqual(".."))
        {
            return true;
        }

        if (style != PathStyle.Windows)
        {
            return false;
        }

        ReadOnlySpan<char> trimmed = segment.TrimEnd(' ');
        return trimmed.Length >= 2 && !trimmed.ContainsAnyExcept('.');
    }

    private static string DecodeOnce(string value)
    {
        var result = new StringBuilder(value.Length);
        var bytes = new List<byte>();
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '%' && TryHexByte(value, i + 1, out byte b))
            {
                bytes.Add(b);
                i += 2;
                continue;
            }

            FlushBytes(bytes, result);
            if (c == '%' && i + 5 < value.Length && (value[i + 1] == 'u' || value[i + 1] == 'U')
                && TryHexByte(value, i + 2, out byte high) && TryHexByte(value, i + 4, out byte low))
            {
                result.Append((char)((high << 8) | low));
                i += 5;
                continue;
            }

            result.Append(c);
        }

        FlushBytes(bytes, result);
        return result.ToString();
    }

    private static void FlushBytes(List<byte> bytes, StringBuilder result)
    {
        // A lenient UTF-8 decoder: overlong forms such as C0 AE decode to their code point, as old servers did.
        int i = 0;
        while (i < bytes.Count)
        {
            byte lead = bytes[i];
            int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            if (length == 1 || i + length > bytes.Count || !AreContinuations(bytes, i + 1, length - 1))
            {
                result.Append((char)lead);
                i++;
                continue;
            }

            int codePoint = lead & (0x7F >> length);
            for (int k = 1; k < length; k++)
            {
                codePoint = (codePoint << 6) | (bytes[i + k] & 0x3F);
            }

            if (codePoint <= 0x10FFFF && codePoint is < 0xD800 or > 0xDFFF)
            {
                result.Append(char.ConvertFromUtf32(codePoint));
            }
            else
            {
                result.Append('\uFFFD');
            }

            i += length;
        }

        bytes.Clear();
    }

    private static bool AreContinuations(List<byte> bytes, int start, int count)
    {
        for (int k = 0; k < count; k++)
        {
            if ((bytes[start + k] & 0xC0) != 0x80)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryHexByte(string text, int index, out byte value)
    {
        value = 0;
        if (index + 1 >= text.Length || !char.IsAsciiHexDigit(text[index]) || !char.IsAsciiHexDigit(text[index + 1]))
        {
            return false;
        }

        value = (byte)((HexValue(text[index]) << 4) | HexValue(text[index + 1]));
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
