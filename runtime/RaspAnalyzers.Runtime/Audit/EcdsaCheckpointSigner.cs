using System;
using System.Security.Cryptography;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Signs checkpoints with ECDSA on P-256 and SHA-256. A verifier needs only the public key, so it cannot forge a
/// checkpoint.
/// </summary>
public sealed class EcdsaCheckpointSigner : AuditCheckpointSigner
{
    private readonly ECDsa _key;
    private readonly bool _hasPrivateKey;

    private EcdsaCheckpointSigner(ECDsa key, string keyId, bool hasPrivateKey)
    {
        if (key.KeySize != 256)
        {
            throw new ArgumentException("A checkpoint key is an ECDSA key on the P-256 curve.", nameof(key));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        _key = key;
        KeyId = keyId;
        _hasPrivateKey = hasPrivateKey;
    }

    /// <summary>Creates a signer from a PEM private key ("BEGIN PRIVATE KEY" or "BEGIN EC PRIVATE KEY").</summary>
    public static EcdsaCheckpointSigner FromPrivateKeyPem(string pem, string keyId)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return new EcdsaCheckpointSigner(key, keyId, hasPrivateKey: true);
    }

    /// <summary>Creates a verifier from a PEM public key ("BEGIN PUBLIC KEY").</summary>
    public static EcdsaCheckpointSigner FromPublicKeyPem(string pem, string keyId)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return new EcdsaCheckpointSigner(key, keyId, hasPrivateKey: false);
    }

    /// <inheritdoc />
    public override string Algorithm => "ECDSA-P256-SHA256";

    /// <inheritdoc />
    public override string KeyId { get; }

    /// <inheritdoc />
    public override bool CanSign => _hasPrivateKey;

    /// <inheritdoc />
    public override byte[] Sign(ReadOnlySpan<byte> data)
    {
        if (!_hasPrivateKey)
        {
            throw new InvalidOperationException("This checkpoint key holds only a public key; it can verify, not sign.");
        }

        return _key.SignData(data, HashAlgorithmName.SHA256);
    }

    /// <inheritdoc />
    public override bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        _key.VerifyData(data, signature, HashAlgorithmName.SHA256);

    /// <inheritdoc />
    public override string ToString() => $"{Algorithm} key {KeyId}";

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }
    }
}
