using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Options;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Audit.Benchmarks;

/// <summary>
/// What one audit event costs: appending a batch through the whole trail (redaction, queue, chain, file) and
/// verifying the written trail. Each invocation writes <see cref="EventsPerInvocation"/> events, so per-event cost is
/// the reported mean divided by it.
/// </summary>
[MemoryDiagnoser]
public class AuditTrailBenchmarks
{
    /// <summary>Events written per benchmark invocation.</summary>
    public const int EventsPerInvocation = 10_000;

    private static readonly byte[] PseudonymKey = Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i)).ToArray();
    private static readonly byte[] CheckpointKey = Enumerable.Range(0, 32).Select(i => (byte)(0x10 + i)).ToArray();

    private HmacRedactor _redactor = null!;
    private string _directory = null!;
    private string _verifiedDirectory = null!;
    private AuditEvent _event = null!;

    /// <summary>How many concurrent callers append.</summary>
    [Params(1, 8)]
    public int Writers { get; set; }

    /// <summary>Creates the redactor and a trail to verify.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _redactor = new HmacRedactor(Options.Create(new HmacRedactorOptions
        {
            Key = Convert.ToBase64String(PseudonymKey),
            KeyId = 1,
        }));
        _event = new AuditEvent
        {
            Type = AuditEventType.RestOperation,
            Subtype = AuditEventSubtype.Read,
            Action = AuditAction.Read,
            OccurredAt = DateTimeOffset.UnixEpoch,
            UserId = "dr.house",
            UserRoles = new[] { "physician" },
            PurposeOfUse = "TREAT",
            ClientAddress = "203.0.113.7",
            Server = "ehr-01",
            PatientId = "MRN-00001",
            ResourceType = "Observation",
            ResourceId = "obs-1",
            RequestId = "0HN7Q9F0M3K2L:00000001",
            PolicyDecision = AuditPolicyDecision.Permit,
        };
        _verifiedDirectory = NewDirectory();
        AppendAsync(_verifiedDirectory, 1).GetAwaiter().GetResult();
    }

    /// <summary>A fresh directory for each invocation, so every one writes a trail from its first record.</summary>
    [IterationSetup]
    public void NewTrail() => _directory = NewDirectory();

    /// <summary>Redacts, queues, chains and writes the events, then closes the trail with a final checkpoint.</summary>
    [Benchmark]
    public Task Append() => AppendAsync(_directory, Writers);

    /// <summary>Verifies a trail of the same size with its checkpoint key.</summary>
    [Benchmark]
    public AuditVerificationStatus Verify()
    {
        using var key = new HmacCheckpointSigner(CheckpointKey, "bench");
        return new AuditVerifier(key).VerifyDirectory(_verifiedDirectory).Status;
    }

    /// <summary>Removes the trails.</summary>
    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(Path.Combine(Path.GetTempPath(), "rasp-audit-bench"), recursive: true);

    private async Task AppendAsync(string directory, int writers)
    {
        using var signer = new HmacCheckpointSigner(CheckpointKey, "bench");
        var log = new HashChainedAuditLog(new AuditTrailOptions { Directory = directory }, _redactor, signer);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < EventsPerInvocation / writers; i++)
            {
                await log.AppendAsync(_event);
            }
        })));
        await log.DisposeAsync();
    }

    private static string NewDirectory() =>
        Path.Combine(Path.GetTempPath(), "rasp-audit-bench", Guid.NewGuid().ToString("N"));
}
