using System;
using System.Security.Cryptography;
using System.Text;

namespace RaspAnalyzers.Audit.Tests;

/// <summary>
/// The pseudonym a keyed HMAC redactor gives a value, computed here from its definition (key id, a colon, then the
/// first 16 bytes of HMAC-SHA256 over the value's UTF-16 code units, base64) to check the trail against.
/// </summary>
internal static class Pseudonym
{
    internal static string Of(string value, int keyId = 7) =>
        keyId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":"
        + Convert.ToBase64String(HMACSHA256.HashData(TrailDirectory.PseudonymKey, Encoding.Unicode.GetBytes(value)).AsSpan(0, 16));
}
