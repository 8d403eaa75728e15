using System;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Signs and verifies the checkpoints of an audit trail. A checkpoint binds the chain's head at that point to a key
/// the trail's writer holds, so a rewritten chain, rehashed from some record on, fails at the next checkpoint.
/// </summary>
public abstract class AuditCheckpointSigner : IDisposable
{
    /// <summary>The algorithm's name as the trail stores it, such as "HMAC-SHA256" or "ECDSA-P256-SHA256".</summary>
    public abstract string Algorithm { get; }

    /// <summary>The identifier of the key, stored with each checkpoint so a verifier knows which key to use.</summary>
    public abstract string KeyId { get; }

    /// <summary>Whether this instance holds the key needed to sign, and not only to verify.</summary>
    public abstract bool CanSign { get; }

    /// <summary>Signs <paramref name="data"/>.</summary>
    /// <exception cref="InvalidOperationException">The instance can only verify.</exception>
    public abstract byte[] Sign(ReadOnlySpan<byte> data);

    /// <summary>Whether <paramref name="signature"/> is this key's signature of <paramref name="data"/>.</summary>
    public abstract bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);

    /// <summary>Releases the key.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the key when <paramref name="disposing"/> is true.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
