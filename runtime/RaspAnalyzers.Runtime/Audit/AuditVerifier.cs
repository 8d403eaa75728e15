using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Verifies a trail: every line is a canonical record, sequence numbers run on without a gap, each record links to
/// the one before it and matches its own hash, each checkpoint's signature verifies with the given key, and the trail
/// ends with a final checkpoint. It stops at the first record that fails and names it.
/// </summary>
/// <remarks>
/// Without a key only the chain is checked: a writer of the files who rehashed every record after an edit would go
/// unnoticed, which is what the signed checkpoints are for. A cut made exactly after a final checkpoint (a clean
/// shutdown) cannot be told from a trail that really ended there; compare <see cref="AuditVerificationResult.LastVerifiedSequence"/>
/// with a head kept elsewhere, such as the last checkpoint forwarded to a SIEM, to catch that.
/// </remarks>
public sealed class AuditVerifier
{
    private readonly AuditCheckpointSigner? _checkpointKey;
    private readonly bool _matchKeyId;

    /// <summary>Creates a verifier that checks checkpoint signatures with <paramref name="checkpointKey"/>, if given.</summary>
    /// <param name="checkpointKey">The key that signed the checkpoints; null checks the chain alone.</param>
    /// <param name="matchKeyId">
    /// Whether a checkpoint must name the key's <see cref="AuditCheckpointSigner.KeyId"/>; when false only its
    /// algorithm and signature count, for a key whose identifier the verifying operator does not know.
    /// </param>
    public AuditVerifier(AuditCheckpointSigner? checkpointKey = null, bool matchKeyId = true)
    {
        _checkpointKey = checkpointKey;
        _matchKeyId = matchKeyId;
    }

    /// <summary>Verifies the trail whose segments are in <paramref name="directory"/>.</summary>
    public AuditVerificationResult VerifyDirectory(string directory, string prefix = "audit")
    {
        var segments = AuditSegmentFiles.List(directory, prefix);
        if (segments.Count == 0)
        {
            return Unreadable($"No audit trail segments named {prefix}-NNNNNN{AuditSegmentFiles.Extension} in '{directory}'.");
        }

        return VerifyFiles(segments);
    }

    /// <summary>Verifies a trail made of <paramref name="segments"/>, in chain order; the first starts the chain.</summary>
    public AuditVerificationResult VerifyFiles(IReadOnlyList<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var state = new ChainState();
        AuditRecordPosition? torn = null;
        for (var s = 0; s < segments.Count; s++)
        {
            var path = segments[s];
            if (!File.Exists(path))
            {
                return Unreadable($"The audit trail file '{path}' does not exist.");
            }

            var bytes = File.ReadAllBytes(path);
            var name = Path.GetFileName(path);
            var start = 0;
            var line = 0;
            while (start < bytes.Length)
            {
                line++;
                var end = Array.IndexOf(bytes, (byte)'\n', start);
                if (end < 0)
                {
                    // The writer never leaves a line without its newline, except when it stops mid-write.
                    torn ??= new AuditRecordPosition(name, line, null);
                    break;
                }

                var position = new AuditRecordPosition(name, line, null);
                var problem = VerifyLine(bytes.AsMemory(start, end - start), state, ref position);
                if (problem is not null)
                {
                    return state.Result(AuditVerificationStatus.Tampered, position, problem);
                }

                start = end + 1;
            }
        }

        if (torn is not null)
        {
            return state.Result(
                AuditVerificationStatus.Incomplete,
                torn,
                $"{torn} is torn: it has no line end, as when the writer stops mid-record. "
                + $"Every record before it verifies, up to record {state.Sequence}.");
        }

        if (state.Records == 0)
        {
            return Unreadable("The audit trail holds no record.");
        }

        if (!state.EndsWithFinalCheckpoint)
        {
            return state.Result(
                AuditVerificationStatus.Incomplete,
                null,
                $"The trail ends at record {state.Sequence} without a final checkpoint: the writer did not shut down "
                + "cleanly, or records after it were cut off.");
        }

        return state.Result(AuditVerificationStatus.Intact, null, null);
    }

    private string? VerifyLine(ReadOnlyMemory<byte> lineMemory, ChainState state, ref AuditRecordPosition position)
    {
        var line = lineMemory.Span;
        Span<byte> claimed = stackalloc byte[AuditRecordFormat.HashLength];
        if (line.Length <= AuditRecordFormat.RecordOffset
            || !line.StartsWith(AuditRecordFormat.LinePrefix)
            || !line[(AuditRecordFormat.LinePrefix.Length + AuditRecordFormat.HashHexLength)..].StartsWith(AuditRecordFormat.RecordInfix)
            || line[^1] != (byte)'}'
            || !AuditRecordFormat.TryParseHash(line.Slice(AuditRecordFormat.LinePrefix.Length, AuditRecordFormat.HashHexLength), claimed))
        {
            return "The line is not an audit record of this format.";
        }

        var recordMemory = lineMemory[AuditRecordFormat.RecordOffset..^1];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(recordMemory);
        }
        catch (JsonException)
        {
            return "The record is not valid JSON.";
        }

        using (document)
        {
            var record = document.RootElement;
            if (record.ValueKind != JsonValueKind.Object
                || !record.TryGetProperty("seq", out var seqElement) || !seqElement.TryGetInt64(out var seq)
                || !record.TryGetProperty("prev", out var prevElement) || prevElement.ValueKind != JsonValueKind.String
                || !record.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
                || !record.TryGetProperty("recorded", out var recordedElement) || recordedElement.ValueKind != JsonValueKind.String)
            {
                return "The record lacks its sequence number, previous hash, type or recorded time.";
            }

            position = position with { Sequence = seq };
            var expected = state.Sequence + 1;
            if (seq < expected)
            {
                return $"Record {seq} stands where record {expected} belongs: it is repeated, inserted or out of order.";
            }

            if (seq > expected)
            {
                return seq == expected + 1
                    ? $"Record {expected} is missing or out of order: record {seq} stands in its place."
                    : $"Records {expected} to {seq - 1} are missing or out of order: record {seq} stands in their place.";
            }

            if (!string.Equals(prevElement.GetString(), state.HashHex, StringComparison.Ordinal))
            {
                return $"Record {seq} does not link to the record before it: its previous hash differs.";
            }

            if (!CanonicalJson.IsCanonical(record, recordMemory.Span, state.CanonicalBuffer, state.CanonicalWriter))
            {
                return $"Record {seq} is not in canonical form: it was edited after it was written.";
            }

            Span<byte> actual = stackalloc byte[AuditRecordFormat.HashLength];
            AuditRecordFormat.ComputeHash(state.Hash, recordMemory.Span, actual);
            if (!actual.SequenceEqual(claimed))
            {
                return $"Record {seq} does not match its hash: its content was altered.";
            }

            var type = typeElement.GetString();
            if (string.Equals(type, AuditRecordFormat.CheckpointKind, StringComparison.Ordinal))
            {
                var problem = VerifyCheckpoint(record, seq, prevElement.GetString()!, recordedElement.GetString()!, state);
                if (problem is not null)
                {
                    return problem;
                }
            }
            else if (string.Equals(type, AuditRecordFormat.EventKind, StringComparison.Ordinal)
                && record.TryGetProperty("event", out var eventElement) && eventElement.ValueKind == JsonValueKind.Object)
            {
                state.Events++;
                state.EndsWithFinalCheckpoint = false;
            }
            else
            {
                return $"Record {seq} is neither an event nor a checkpoint.";
            }

            actual.CopyTo(state.Hash);
            state.HashHex = AuditRecordFormat.ToHex(actual);
            state.Sequence = seq;
            state.Records++;
            return null;
        }
    }

    private string? VerifyCheckpoint(JsonElement record, long seq, string prev, string recorded, ChainState state)
    {
        if (!record.TryGetProperty("checkpoint", out var checkpoint)
            || checkpoint.ValueKind != JsonValueKind.Object
            || !TryGetString(checkpoint, "alg", out var algorithm)
            || !TryGetString(checkpoint, "keyId", out var keyId)
            || !TryGetString(checkpoint, "sig", out var signatureText)
            || !checkpoint.TryGetProperty("dropped", out var droppedElement) || !droppedElement.TryGetInt64(out var dropped)
            || !checkpoint.TryGetProperty("final", out var finalElement)
            || (finalElement.ValueKind != JsonValueKind.True && finalElement.ValueKind != JsonValueKind.False))
        {
            return $"Checkpoint {seq} lacks its algorithm, key id, signature, dropped count or final flag.";
        }

        var final = finalElement.GetBoolean();
        if (_checkpointKey is null)
        {
            state.CheckpointsUnchecked++;
        }
        else
        {
            if (!string.Equals(algorithm, _checkpointKey.Algorithm, StringComparison.Ordinal)
                || (_matchKeyId && !string.Equals(keyId, _checkpointKey.KeyId, StringComparison.Ordinal)))
            {
                return $"Checkpoint {seq} is signed with {algorithm} key '{keyId}', not with the given "
                    + $"{_checkpointKey.Algorithm} key '{_checkpointKey.KeyId}'.";
            }

            var signature = new byte[(signatureText.Length * 3 / 4) + 3];
            var input = AuditRecordFormat.CheckpointSigningInput(
                new CheckpointFields(algorithm, dropped, final, keyId, prev, recorded, seq));
            if (!Convert.TryFromBase64String(signatureText, signature, out var written)
                || !_checkpointKey.Verify(input, signature.AsSpan(0, written)))
            {
                return $"Checkpoint {seq}'s signature does not verify with the given key.";
            }

            state.CheckpointsVerified++;
        }

        state.Dropped += dropped;
        state.EndsWithFinalCheckpoint = final;
        return null;
    }

    private static bool TryGetString(JsonElement element, string name, out string value)
    {
        value = string.Empty;
        if (!element.TryGetProperty(name, out var member) || member.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = member.GetString()!;
        return true;
    }

    private static AuditVerificationResult Unreadable(string problem) =>
        new() { Status = AuditVerificationStatus.Unreadable, Problem = problem };

    private sealed class ChainState
    {
        internal System.Buffers.ArrayBufferWriter<byte> CanonicalBuffer { get; } = new(1024);

        internal Utf8JsonWriter CanonicalWriter { get; } = new(new System.Buffers.ArrayBufferWriter<byte>(), CanonicalJson.WriterOptions);

        internal byte[] Hash { get; } = AuditRecordFormat.GenesisHash();

        internal string HashHex { get; set; } = new('0', AuditRecordFormat.HashHexLength);

        internal long Sequence { get; set; }

        internal long Records { get; set; }

        internal long Events { get; set; }

        internal long CheckpointsVerified { get; set; }

        internal long CheckpointsUnchecked { get; set; }

        internal long Dropped { get; set; }

        internal bool EndsWithFinalCheckpoint { get; set; }

        internal AuditVerificationResult Result(AuditVerificationStatus status, AuditRecordPosition? position, string? problem) => new()
        {
            Status = status,
            FirstBadRecord = position,
            Problem = problem,
            RecordsVerified = Records,
            EventsVerified = Events,
            CheckpointsVerified = CheckpointsVerified,
            CheckpointsUnchecked = CheckpointsUnchecked,
            DroppedEvents = Dropped,
            LastVerifiedSequence = Sequence,
            LastVerifiedHash = Records == 0 ? null : HashHex,
        };
    }
}
