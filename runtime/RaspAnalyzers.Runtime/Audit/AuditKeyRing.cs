using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Finds the trail's two keys: the pseudonym key of the PHI redactor and the checkpoint key. Each comes from
/// <see cref="AuditTrailOptions"/> (configuration) or, with <see cref="AuditTrailOptions.UseDataProtection"/>, from a
/// key file in the trail's directory that only ASP.NET Core Data Protection can open. Keys are never logged.
/// </summary>
internal sealed class AuditKeyRing
{
    private const string Purpose = "RaspAnalyzers.Audit.Keys.v1";

    private readonly AuditTrailOptions _options;
    private readonly IServiceProvider _services;
    private readonly Lazy<StoredKeys?> _stored;

    public AuditKeyRing(IOptions<AuditTrailOptions> options, IServiceProvider services)
    {
        _options = options.Value;
        _services = services;
        _stored = new Lazy<StoredKeys?>(LoadOrCreateStoredKeys);
    }

    /// <summary>The pseudonym key in base64, the form <c>HmacRedactorOptions.Key</c> takes.</summary>
    internal string PseudonymKeyBase64()
    {
        if (!string.IsNullOrEmpty(_options.PseudonymKey))
        {
            return _options.PseudonymKey;
        }

        return _stored.Value?.Pseudonym ?? throw MissingKey(nameof(AuditTrailOptions.PseudonymKey));
    }

    internal AuditCheckpointSigner CreateCheckpointSigner()
    {
        if (!string.IsNullOrEmpty(_options.CheckpointPrivateKeyPem))
        {
            return EcdsaCheckpointSigner.FromPrivateKeyPem(_options.CheckpointPrivateKeyPem, _options.CheckpointKeyId);
        }

        var base64 = !string.IsNullOrEmpty(_options.CheckpointKey)
            ? _options.CheckpointKey
            : _stored.Value?.Checkpoint ?? throw MissingKey(nameof(AuditTrailOptions.CheckpointKey));
        var key = DecodeKey(base64, nameof(AuditTrailOptions.CheckpointKey));
        try
        {
            return new HmacCheckpointSigner(key, _options.CheckpointKeyId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] DecodeKey(string base64, string name)
    {
        var key = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, key, out var written) || written < HmacCheckpointSigner.MinimumKeyLength)
        {
            // The message names the setting, never its value.
            throw new InvalidOperationException(
                $"AuditTrailOptions.{name} must be base64 of at least {HmacCheckpointSigner.MinimumKeyLength} bytes.");
        }

        return key.AsSpan(0, written).ToArray();
    }

    private InvalidOperationException MissingKey(string name) => new(
        $"The audit trail has no {name}: set AuditTrailOptions.{name} from a secret store, or set UseDataProtection.");

    private StoredKeys? LoadOrCreateStoredKeys()
    {
        if (!_options.UseDataProtection)
        {
            return null;
        }

        var provider = (IDataProtectionProvider?)_services.GetService(typeof(IDataProtectionProvider))
            ?? throw new InvalidOperationException("UseDataProtection needs ASP.NET Core Data Protection registered.");
        var protector = provider.CreateProtector(Purpose);
        var path = Path.Combine(_options.Directory, _options.FilePrefix + ".keys");
        if (File.Exists(path))
        {
            var unprotected = protector.Unprotect(File.ReadAllBytes(path));
            return JsonSerializer.Deserialize<StoredKeys>(unprotected)
                ?? throw new InvalidDataException($"The audit key file '{path}' is empty.");
        }

        var keys = new StoredKeys
        {
            Pseudonym = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            Checkpoint = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        Directory.CreateDirectory(_options.Directory);

        // CreateNew: two processes racing to make the key file must not overwrite each other's keys.
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            file.Write(protector.Protect(JsonSerializer.SerializeToUtf8Bytes(keys)));
        }

        return keys;
    }

    private sealed class StoredKeys
    {
        public string Pseudonym { get; set; } = string.Empty;

        public string Checkpoint { get; set; } = string.Empty;
    }
}
