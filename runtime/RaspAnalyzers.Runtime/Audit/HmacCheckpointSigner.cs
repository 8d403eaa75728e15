using System;
using System.Security.Cryptography;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Signs checkpoints with HMAC-SHA256. Whoever verifies holds the same secret key and so could also sign: use
/// <see cref="EcdsaCheckpointSigner"/> when verifiers must not be able to forge checkpoints.
/// </summary>
public sealed class HmacCheckpointSigner : AuditCheckpointSigner
{
    /// <summary>The shortest key accepted, in bytes: the output size of SHA-256.</summary>
    public const int MinimumKeyLength = 32;

    private readonly byte[] _key;

    /// <summary>Uses <paramref name="key"/>, identified in the trail as <paramref name="keyId"/>.</summary>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyLength"/> bytes.</exception>
    public HmacCheckpointSigner(ReadOnlySpan<byte> key, string keyId)
    {
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"A checkpoint key has at least {MinimumKeyLength} bytes.", nameof(key));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        _key = key.ToArray();
        KeyId = keyId;
    }

    /// <inheritdoc />
    public override string Algorithm => "HMAC-SHA256";

    /// <inheritdoc />
    public override string KeyId { get; }

    /// <inheritdoc />
    public override bool CanSign => true;

    /// <inheritdoc />
    public override byte[] Sign(ReadOnlySpan<byte> data) => HMACSHA256.HashData(_key, data);

    /// <inheritdoc />
    public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, data, expected);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Algorithm} key {KeyId}";

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        CryptographicOperations.ZeroMemory(_key);
    }
}
