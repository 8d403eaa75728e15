using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace RaspAnalyzers.Audit;

/// <summary>
/// The line format of the trail. Each line is <c>{"hash":"H","record":R}</c> and a newline, where R is a canonical
/// JSON record and H = SHA-256(previous H || R) in lower-case hex; the first record's previous hash is 32 zero bytes.
/// Records are events or signed checkpoints; docs/audit.md describes every member.
/// </summary>
internal static class AuditRecordFormat
{
    internal const int HashLength = 32;

    internal const int HashHexLength = HashLength * 2;

    internal const string EventKind = "event";

    internal const string CheckpointKind = "checkpoint";

    internal static readonly byte[] LinePrefix = "{\"hash\":\""u8.ToArray();

    internal static readonly byte[] RecordInfix = "\",\"record\":"u8.ToArray();

    /// <summary>Where the record starts in a line: after the prefix, the hash and the infix.</summary>
    internal static readonly int RecordOffset = LinePrefix.Length + HashHexLength + RecordInfix.Length;

    private static readonly byte[] CheckpointDomain = "rasp-audit-checkpoint/1\n"u8.ToArray();

    internal static byte[] GenesisHash() => new byte[HashLength];

    internal static void ComputeHash(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> record, Span<byte> hash)
    {
        // One-shot hashing of a pooled copy costs less than creating an incremental hash object per record.
        var length = previousHash.Length + record.Length;
        var input = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            previousHash.CopyTo(input);
            record.CopyTo(input.AsSpan(previousHash.Length));
            SHA256.HashData(input.AsSpan(0, length), hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    internal static void WriteHex(ReadOnlySpan<byte> bytes, Span<byte> hex)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            hex[2 * i] = HexDigits[bytes[i] >> 4];
            hex[(2 * i) + 1] = HexDigits[bytes[i] & 0xF];
        }
    }

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    internal static string ToHex(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length * 2, bytes.ToArray(), static (chars, source) =>
        {
            const string digits = "0123456789abcdef";
            for (var i = 0; i < source.Length; i++)
            {
                chars[2 * i] = digits[source[i] >> 4];
                chars[(2 * i) + 1] = digits[source[i] & 0xF];
            }
        });
    }

    /// <summary>Parses lower-case hex of exactly <see cref="HashLength"/> bytes; upper case is not canonical.</summary>
    internal static bool TryParseHash(ReadOnlySpan<byte> hex, Span<byte> hash)
    {
        if (hex.Length != HashHexLength)
        {
            return false;
        }

        for (var i = 0; i < HashLength; i++)
        {
            var high = HexValue(hex[2 * i]);
            var low = HexValue(hex[(2 * i) + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            hash[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };

    internal static void WriteEventRecord(
        Utf8JsonWriter writer, ReadOnlySpan<byte> eventJson, string previousHashHex, string recorded, long seq)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("event");
        writer.WriteRawValue(eventJson, skipInputValidation: true);
        writer.WriteString("prev", previousHashHex);
        writer.WriteString("recorded", recorded);
        writer.WriteNumber("seq", seq);
        writer.WriteString("type", EventKind);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>
    /// What a checkpoint's signature covers: a domain tag, then the canonical checkpoint record without its signature.
    /// The writer and the verifier both build it from the same values, so neither depends on the other's bytes.
    /// </summary>
    internal static byte[] CheckpointSigningInput(CheckpointFields fields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        buffer.Write(CheckpointDomain);
        using (var writer = new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions))
        {
            WriteCheckpoint(writer, fields, signature: null);
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static byte[] CheckpointRecord(CheckpointFields fields, byte[] signature)
    {
        var buffer = new ArrayBufferWriter<byte>(320);
        using (var writer = new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions))
        {
            WriteCheckpoint(writer, fields, signature);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteCheckpoint(Utf8JsonWriter writer, CheckpointFields fields, byte[]? signature)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("checkpoint");
        writer.WriteString("alg", fields.Algorithm);
        writer.WriteNumber("dropped", fields.Dropped);
        writer.WriteBoolean("final", fields.Final);
        writer.WriteString("keyId", fields.KeyId);
        if (signature is not null)
        {
            writer.WriteString("sig", Convert.ToBase64String(signature));
        }

        writer.WriteEndObject();
        writer.WriteString("prev", fields.PreviousHashHex);
        writer.WriteString("recorded", fields.Recorded);
        writer.WriteNumber("seq", fields.Sequence);
        writer.WriteString("type", CheckpointKind);
        writer.WriteEndObject();
    }
}

/// <summary>The signed members of a checkpoint record.</summary>
internal readonly record struct CheckpointFields(
    string Algorithm,
    long Dropped,
    bool Final,
    string KeyId,
    string PreviousHashHex,
    string Recorded,
    long Sequence);
