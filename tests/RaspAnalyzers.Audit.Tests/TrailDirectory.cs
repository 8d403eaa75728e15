using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Options;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Audit.Tests;

/// <summary>A trail in a fresh temporary directory, with fixed keys, removed after the test.</summary>
internal sealed class TrailDirectory : IDisposable
{
    // Fixed, obviously-not-secret test keys: 32 bytes each, distinct patterns so a leak names which key leaked.
    internal static readonly byte[] PseudonymKey = Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i)).ToArray();
    internal static readonly byte[] CheckpointKey = Enumerable.Range(0, 32).Select(i => (byte)(0x10 + i)).ToArray();
    internal static readonly byte[] OtherKey = Enumerable.Range(0, 32).Select(i => (byte)(0x50 + i)).ToArray();

    internal const string KeyId = "checkpoint-1";

    internal TrailDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rasp-audit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    internal string Path { get; }

    internal string Segment(int index) => AuditSegmentFiles.PathOf(Path, "audit", index);

    internal string FirstSegment => Segment(1);

    internal static HmacRedactor CreateRedactor() => new(Microsoft.Extensions.Options.Options.Create(new HmacRedactorOptions
    {
        Key = Convert.ToBase64String(PseudonymKey),
        KeyId = 7,
    }));

    internal static HmacCheckpointSigner CheckpointSigner() => new(CheckpointKey, KeyId);

    internal AuditTrailOptions TrailOptions(int checkpointInterval = 4, long maxSegmentBytes = 64L * 1024 * 1024) => new()
    {
        Directory = Path,
        CheckpointInterval = checkpointInterval,
        MaxSegmentBytes = maxSegmentBytes,
    };

    internal HashChainedAuditLog Open(
        AuditTrailOptions? options = null,
        AuditCheckpointSigner? signer = null,
        IEnumerable<IAuditRecordObserver>? observers = null) =>
        new(options ?? TrailOptions(), CreateRedactor(), signer ?? CheckpointSigner(), observers: observers);

    /// <summary>Writes <paramref name="count"/> events and closes the trail; with interval 4 and 10 events the lines are
    /// e1 e2 e3 e4 c5 e6 e7 e8 e9 c10 e11 e12 c13(final).</summary>
    internal async Task WriteEventsAsync(int count, AuditTrailOptions? options = null, AuditCheckpointSigner? signer = null)
    {
        await using var log = Open(options, signer);
        for (var i = 1; i <= count; i++)
        {
            await log.AppendAsync(SampleEvents.Read(i));
        }
    }

    internal AuditVerificationResult Verify(AuditCheckpointSigner? key = null) =>
        new AuditVerifier(key ?? CheckpointSigner()).VerifyDirectory(Path);

    internal List<string> Lines(int segment = 1) => File.ReadAllLines(Segment(segment)).ToList();

    internal void WriteLines(IEnumerable<string> lines, int segment = 1) =>
        File.WriteAllText(Segment(segment), string.Concat(lines.Select(l => l + "\n")));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a failed test is cleaned up by the OS temp policy.
        }
    }

    /// <summary>Rehashes every line from <paramref name="fromLine"/> (1-based) on, as a forger without the key would.</summary>
    internal static List<string> Rehash(List<string> lines, int fromLine)
    {
        var result = new List<string>(lines);
        var previous = fromLine == 1 ? new string('0', 64) : result[fromLine - 2].Substring(9, 64);
        for (var i = fromLine - 1; i < result.Count; i++)
        {
            var record = result[i].Substring(84, result[i].Length - 85);
            var prevAt = record.IndexOf("\"prev\":\"", StringComparison.Ordinal) + 8;
            record = record[..prevAt] + previous + record[(prevAt + 64)..];
            var input = Convert.FromHexString(previous).Concat(System.Text.Encoding.UTF8.GetBytes(record)).ToArray();
            var hash = Convert.ToHexString(SHA256.HashData(input)).ToLowerInvariant();
            result[i] = "{\"hash\":\"" + hash + "\",\"record\":" + record + "}";
            previous = hash;
        }

        return result;
    }
}
