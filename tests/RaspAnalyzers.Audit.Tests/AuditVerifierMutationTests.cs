using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Audit.Tests;

/// <summary>
/// Each test writes the same trail (10 events, a checkpoint every 4 events), so its 13 lines are
/// e1 e2 e3 e4 c5 e6 e7 e8 e9 c10 e11 e12 c13, mutates it one way, and checks the verifier names the first bad record.
/// </summary>
public sealed class AuditVerifierMutationTests : IDisposable
{
    private const string File1 = "audit-000001.jsonl";

    private readonly TrailDirectory _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public async Task An_untouched_trail_is_intact_with_every_checkpoint_verified()
    {
        await _trail.WriteEventsAsync(10);

        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Intact, result.Status);
        Assert.Null(result.FirstBadRecord);
        Assert.Null(result.Problem);
        Assert.Equal(13, result.RecordsVerified);
        Assert.Equal(10, result.EventsVerified);
        Assert.Equal(3, result.CheckpointsVerified);
        Assert.Equal(13, result.LastVerifiedSequence);
        Assert.Equal(_trail.Lines()[12].Substring(9, 64), result.LastVerifiedHash);
    }

    [Fact]
    public async Task The_checkpoints_fall_every_four_events_and_the_last_one_is_final()
    {
        await _trail.WriteEventsAsync(10);

        var lines = _trail.Lines();

        Assert.Equal(13, lines.Count);
        var checkpointLines = new[] { 5, 10, 13 };
        for (var i = 1; i <= 13; i++)
        {
            var isCheckpoint = Array.IndexOf(checkpointLines, i) >= 0;
            Assert.EndsWith(isCheckpoint ? "\"type\":\"checkpoint\"}}" : "\"type\":\"event\"}}", lines[i - 1]);
        }

        Assert.Contains("\"final\":false", lines[4]);
        Assert.Contains("\"final\":true", lines[12]);
        Assert.StartsWith("{\"hash\":\"", lines[0]);
        Assert.Contains("\"prev\":\"" + new string('0', 64) + "\"", lines[0]);
        Assert.Contains("\"prev\":\"" + lines[0].Substring(9, 64) + "\"", lines[1]);
    }

    [Fact]
    public async Task An_altered_record_is_named()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        lines[2] = lines[2].Replace("\"action\":\"R\"", "\"action\":\"D\"", StringComparison.Ordinal);
        _trail.WriteLines(lines);

        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Tampered, result.Status);
        Assert.Equal(new AuditRecordPosition(File1, 3, 3), result.FirstBadRecord);
        Assert.Equal("Record 3 does not match its hash: its content was altered.", result.Problem);
        Assert.Equal(2, result.RecordsVerified);
    }

    [Fact]
    public async Task An_altered_record_whose_chain_was_rehashed_fails_at_the_next_checkpoint()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        lines[6] = lines[6].Replace("\"action\":\"R\"", "\"action\":\"D\"", StringComparison.Ordinal);
        _trail.WriteLines(TrailDirectory.Rehash(lines, 7));

        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Tampered, result.Status);
        Assert.Equal(new AuditRecordPosition(File1, 10, 10), result.FirstBadRecord);
        Assert.Equal("Checkpoint 10's signature does not verify with the given key.", result.Problem);
    }

    [Fact]
    public async Task Without_a_key_a_rehashed_chain_goes_unnoticed_and_the_result_says_no_checkpoint_was_checked()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        lines[6] = lines[6].Replace("\"action\":\"R\"", "\"action\":\"D\"", StringComparison.Ordinal);
        _trail.WriteLines(TrailDirectory.Rehash(lines, 7));

        var result = new AuditVerifier().VerifyDirectory(_trail.Path);

        Assert.Equal(AuditVerificationStatus.Intact, result.Status);
        Assert.Equal(0, result.CheckpointsVerified);
        Assert.Equal(3, result.CheckpointsUnchecked);
    }

    [Fact]
    public async Task An_inserted_copy_of_an_earlier_record_is_named()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        lines.Insert(6, lines[1]);
        _trail.WriteLines(lines);

        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Tampered, result.Status);
        Assert.Equal(new AuditRecordPosition(File1, 7, 2), result.FirstBadRecord);
        Assert.Equal("Record 2 stands where record 7 belongs: it is repeated, inserted or out of order.", result.Problem);
    }

    [Fact]
    public async Task An_inserted_forged_record_that_links_to_its_predecessor_is_named_by_the_record_it_displaces()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        var forged = lines[6].Replace("MRN", "XRN", StringComparison.Ordinal);
        lines.Insert(6, forged);
        var rehashed = TrailDirectory.Rehash(lines, 7);
        rehashed[7] = lines[7];
        _trail.WriteLines(rehashed);

        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Tampered, result.Status);
        Assert.Equal(new AuditRecordPosition(File1, 8, 7), result.FirstBadRecord);
        Assert.Equal("Record 7 stands where record 8 belongs: it is repeated, inserted or out of order.", result.Problem);
    }

    [Fact]
    public async Task A_removed_record_is_named()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        lines.RemoveAt(5);
        _trail.WriteLines(lines);

        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Tampered, result.Status);
        Assert.Equal(new AuditRecordPosition(File1, 6, 7), result.FirstBadRecord);
        Assert.Equal("Record 6 is missing or out of order: record 7 stands in its place.", result.Problem);
        Assert.Equal(5, result.LastVerifiedSequence);
    }

    [Fact]
    public async Task A_removed_first_record_is_named()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        lines.RemoveAt(0);
        _trail.WriteLines(lines);

        var result = _trail.Verify();

        Assert.Equal(new AuditRecordPosition(File1, 1, 2), result.FirstBadRecord);
        Assert.Equal("Record 1 is missing or out of order: record 2 stands in its place.", result.Problem);
    }

    [Fact]
    public async Task Reordered_records_are_named()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        (lines[6], lines[7]) = (lines[7], lines[6]);
        _trail.WriteLines(lines);

        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Tampered, result.Status);
        Assert.Equal(new AuditRecordPosition(File1, 7, 8), result.FirstBadRecord);
        Assert.Equal("Record 7 is missing or out of order: record 8 stands in its place.", result.Problem);
    }

    [Fact]
    public async Task A_trail_cut_after_a_record_is_incomplete_and_says_where_it_ends()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        _trail.WriteLines(lines.GetRange(0, 11));

        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Incomplete, result.Status);
        Assert.Null(result.FirstBadRecord);
        Assert.Equal(
            "The trail ends at record 11 without a final checkpoint: the writer did not shut down cleanly, "
            + "or records after it were cut off.",
            result.Problem);
        Assert.Equal(11, result.RecordsVerified);
    }

    [Fact]
    public async Task A_torn_last_line_is_reported_and_everything_before_it_verifies()
    {
        await _trail.WriteEventsAsync(10);
        var bytes = File.ReadAllBytes(_trail.FirstSegment);
        File.WriteAllBytes(_trail.FirstSegment, bytes.AsSpan(0, bytes.Length - 40).ToArray());

        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Incomplete, result.Status);
        Assert.Equal(new AuditRecordPosition(File1, 13, null), result.FirstBadRecord);
        Assert.Equal(12, result.RecordsVerified);
        Assert.Equal(12, result.LastVerifiedSequence);
        Assert.Equal(2, result.CheckpointsVerified);
        Assert.StartsWith("audit-000001.jsonl line 13 is torn: it has no line end", result.Problem);
    }

    [Fact]
    public async Task A_checkpoint_signed_with_another_key_is_named()
    {
        await _trail.WriteEventsAsync(10);

        using var otherKey = new HmacCheckpointSigner(TrailDirectory.OtherKey, TrailDirectory.KeyId);
        var result = _trail.Verify(otherKey);

        Assert.Equal(AuditVerificationStatus.Tampered, result.Status);
        Assert.Equal(new AuditRecordPosition(File1, 5, 5), result.FirstBadRecord);
        Assert.Equal("Checkpoint 5's signature does not verify with the given key.", result.Problem);
        Assert.Equal(4, result.RecordsVerified);
    }

    [Fact]
    public async Task A_checkpoint_naming_another_key_id_is_named()
    {
        await _trail.WriteEventsAsync(10);

        using var otherId = new HmacCheckpointSigner(TrailDirectory.CheckpointKey, "checkpoint-2");
        var result = _trail.Verify(otherId);

        Assert.Equal(new AuditRecordPosition(File1, 5, 5), result.FirstBadRecord);
        Assert.Equal(
            "Checkpoint 5 is signed with HMAC-SHA256 key 'checkpoint-1', not with the given HMAC-SHA256 key 'checkpoint-2'.",
            result.Problem);
    }

    [Fact]
    public async Task A_checkpoint_whose_signature_was_replaced_by_another_keys_is_named()
    {
        // A forger re-signs checkpoint 5 with a key of their own, keeping the key id.
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        using var forger = new HmacCheckpointSigner(TrailDirectory.OtherKey, TrailDirectory.KeyId);
        var sigAt = lines[4].IndexOf("\"sig\":\"", StringComparison.Ordinal) + 7;
        var sigEnd = lines[4].IndexOf('"', sigAt);
        var forged = Convert.ToBase64String(forger.Sign("forged"u8));
        lines[4] = lines[4][..sigAt] + forged + lines[4][sigEnd..];
        _trail.WriteLines(TrailDirectory.Rehash(lines, 5));

        var result = _trail.Verify();

        Assert.Equal(new AuditRecordPosition(File1, 5, 5), result.FirstBadRecord);
        Assert.Equal("Checkpoint 5's signature does not verify with the given key.", result.Problem);
    }

    [Fact]
    public async Task A_record_edited_into_a_non_canonical_form_is_named()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        lines[3] = lines[3].Replace("\"action\":\"R\"", "\"action\": \"R\"", StringComparison.Ordinal);
        _trail.WriteLines(lines);

        var result = _trail.Verify();

        Assert.Equal(new AuditRecordPosition(File1, 4, 4), result.FirstBadRecord);
        Assert.Equal("Record 4 is not in canonical form: it was edited after it was written.", result.Problem);
    }

    [Fact]
    public async Task A_line_that_is_not_a_record_is_named()
    {
        await _trail.WriteEventsAsync(10);
        var lines = _trail.Lines();
        lines[1] = "not a record";
        _trail.WriteLines(lines);

        var result = _trail.Verify();

        Assert.Equal(new AuditRecordPosition(File1, 2, null), result.FirstBadRecord);
        Assert.Equal("The line is not an audit record of this format.", result.Problem);
    }

    [Fact]
    public async Task Ecdsa_checkpoints_verify_with_the_public_key_and_fail_with_another()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = EcdsaCheckpointSigner.FromPrivateKeyPem(ecdsa.ExportPkcs8PrivateKeyPem(), "ec-1");
        await _trail.WriteEventsAsync(10, signer: signer);

        using var publicKey = EcdsaCheckpointSigner.FromPublicKeyPem(ecdsa.ExportSubjectPublicKeyInfoPem(), "ec-1");
        using var otherKey = EcdsaCheckpointSigner.FromPublicKeyPem(other.ExportSubjectPublicKeyInfoPem(), "ec-1");
        var good = _trail.Verify(publicKey);
        var bad = _trail.Verify(otherKey);

        Assert.False(publicKey.CanSign);
        Assert.Equal(AuditVerificationStatus.Intact, good.Status);
        Assert.Equal(3, good.CheckpointsVerified);
        Assert.Equal(AuditVerificationStatus.Tampered, bad.Status);
        Assert.Equal(new AuditRecordPosition(File1, 5, 5), bad.FirstBadRecord);
    }

    [Fact]
    public void An_empty_directory_is_no_trail()
    {
        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Unreadable, result.Status);
        Assert.Equal($"No audit trail segments named audit-NNNNNN.jsonl in '{_trail.Path}'.", result.Problem);
    }
}
