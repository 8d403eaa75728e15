using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Audit.Tests;

public sealed class AuditDurabilityTests : IDisposable
{
    private readonly TrailDirectory _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public async Task Rotation_keeps_the_chain_across_segments_and_closes_each_segment_with_a_checkpoint()
    {
        await _trail.WriteEventsAsync(60, _trail.TrailOptions(checkpointInterval: 1000, maxSegmentBytes: 4096));

        var segments = AuditSegmentFiles.List(_trail.Path, "audit");
        var result = _trail.Verify();

        Assert.True(segments.Count >= 3, $"{segments.Count} segments");
        Assert.Equal(AuditVerificationStatus.Intact, result.Status);
        Assert.Equal(60, result.EventsVerified);
        Assert.Equal(segments.Count, result.CheckpointsVerified);
        foreach (var segment in segments)
        {
            Assert.EndsWith("\"type\":\"checkpoint\"}}", File.ReadLines(segment).Last());
        }

        var secondFirst = File.ReadLines(segments[1]).First();
        var firstLast = File.ReadLines(segments[0]).Last();
        Assert.Contains("\"prev\":\"" + firstLast.Substring(9, 64) + "\"", secondFirst, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_segment_is_named_at_the_first_record_after_it()
    {
        await _trail.WriteEventsAsync(60, _trail.TrailOptions(checkpointInterval: 1000, maxSegmentBytes: 4096));
        var segments = AuditSegmentFiles.List(_trail.Path, "audit");
        var removedLines = File.ReadAllLines(segments[1]);
        var firstRemoved = SequenceOf(removedLines.First());
        var lastRemoved = SequenceOf(removedLines.Last());
        File.Delete(segments[1]);

        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Tampered, result.Status);
        Assert.Equal(new AuditRecordPosition(Path.GetFileName(segments[2]), 1, lastRemoved + 1), result.FirstBadRecord);
        Assert.Equal(
            $"Records {firstRemoved} to {lastRemoved} are missing or out of order: record {lastRemoved + 1} stands in their place.",
            result.Problem);
    }

    [Fact]
    public async Task A_reopened_trail_continues_its_chain()
    {
        await _trail.WriteEventsAsync(3);
        await _trail.WriteEventsAsync(3);

        var result = _trail.Verify();
        var lines = _trail.Lines();

        Assert.Equal(AuditVerificationStatus.Intact, result.Status);
        Assert.Equal(8, result.RecordsVerified);
        Assert.Equal(6, result.EventsVerified);
        Assert.Contains("\"seq\":5,", lines[4], StringComparison.Ordinal);
        Assert.Contains("\"prev\":\"" + lines[3].Substring(9, 64) + "\"", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_crash_that_tore_the_last_line_writing_goes_on_in_a_new_segment_and_the_tear_is_reported()
    {
        await _trail.WriteEventsAsync(3);
        File.AppendAllText(_trail.FirstSegment, "{\"hash\":\"0123");
        await _trail.WriteEventsAsync(2);

        var result = _trail.Verify();

        Assert.True(File.Exists(_trail.Segment(2)));
        Assert.Equal(AuditVerificationStatus.Incomplete, result.Status);
        Assert.Equal(new AuditRecordPosition("audit-000001.jsonl", 5, null), result.FirstBadRecord);
        Assert.Equal(7, result.RecordsVerified);
        Assert.Equal(5, result.EventsVerified);
        Assert.Equal(2, result.CheckpointsVerified);
    }

    [Fact]
    public async Task A_trail_whose_last_record_was_cut_without_a_checkpoint_is_resumed_from_that_record()
    {
        await _trail.WriteEventsAsync(3);
        var lines = _trail.Lines();
        _trail.WriteLines(lines.Take(3));
        await _trail.WriteEventsAsync(1);

        var lines2 = _trail.Lines();
        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Intact, result.Status);
        Assert.Equal(5, lines2.Count);
        Assert.Contains("\"seq\":4,", lines2[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flush_makes_queued_events_readable_before_the_trail_closes()
    {
        await using var log = _trail.Open();
        await log.AppendAsync(SampleEvents.Read(1));
        await log.AppendAsync(SampleEvents.Read(2));

        await log.FlushAsync();
        using var reader = new FileStream(_trail.FirstSegment, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var text = new StreamReader(reader);
        var content = await text.ReadToEndAsync();

        Assert.Equal(2, content.Count(c => c == '\n'));
        Assert.Equal(2, log.LastSequence);
    }

    [Fact]
    public async Task A_full_queue_makes_the_caller_wait_and_then_refuses_the_event()
    {
        using var gate = new BlockingObserver();
        var options = _trail.TrailOptions();
        options.QueueCapacity = 2;
        options.MaxEnqueueWait = TimeSpan.FromMilliseconds(100);
        var log = _trail.Open(options, observers: new[] { gate });
        await log.AppendAsync(SampleEvents.Read(1));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        await log.AppendAsync(SampleEvents.Read(2));
        await log.AppendAsync(SampleEvents.Read(3));

        var refused = await Assert.ThrowsAsync<AuditTrailUnavailableException>(() => log.AppendAsync(SampleEvents.Read(4)).AsTask());
        gate.Release();
        await log.DisposeAsync();
        var result = _trail.Verify();

        Assert.Equal("The audit queue stayed full for 100 ms; the event was not recorded.", refused.Message);
        Assert.Equal(AuditVerificationStatus.Intact, result.Status);
        Assert.Equal(3, result.EventsVerified);
        Assert.Equal(0, log.DroppedEvents);
    }

    [Fact]
    public async Task The_drop_policy_returns_at_once_and_the_next_checkpoint_records_how_many_were_dropped()
    {
        using var gate = new BlockingObserver();
        var options = _trail.TrailOptions();
        options.QueueCapacity = 2;
        options.FullPolicy = AuditQueueFullPolicy.DropNewest;
        var log = _trail.Open(options, observers: new[] { gate });
        await log.AppendAsync(SampleEvents.Read(1));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 2; i <= 6; i++)
        {
            await log.AppendAsync(SampleEvents.Read(i));
        }

        var droppedWhileBlocked = log.DroppedEvents;
        gate.Release();
        await log.DisposeAsync();
        var result = _trail.Verify();

        Assert.Equal(3, droppedWhileBlocked);
        Assert.Equal(AuditVerificationStatus.Intact, result.Status);
        Assert.Equal(3, result.EventsVerified);
        Assert.Equal(3, result.DroppedEvents);
        Assert.Contains("\"dropped\":3,", _trail.Lines().Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryAppend_never_waits_and_counts_what_it_could_not_queue_even_under_the_wait_policy()
    {
        using var gate = new BlockingObserver();
        var options = _trail.TrailOptions();
        options.QueueCapacity = 1;
        var log = _trail.Open(options, observers: new[] { gate });
        Assert.True(log.TryAppend(SampleEvents.Read(1)));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(10));

        var queued = log.TryAppend(SampleEvents.Read(2));
        var refused = log.TryAppend(SampleEvents.Read(3));
        gate.Release();
        await log.DisposeAsync();
        var result = _trail.Verify();

        Assert.True(queued);
        Assert.False(refused);
        Assert.Equal(1, log.DroppedEvents);
        Assert.Equal(2, result.EventsVerified);
        Assert.Equal(1, result.DroppedEvents);
    }

    [Fact]
    public async Task A_closed_trail_refuses_new_events()
    {
        var log = _trail.Open();
        await log.DisposeAsync();

        var refused = await Assert.ThrowsAsync<AuditTrailUnavailableException>(() => log.AppendAsync(SampleEvents.Read(1)).AsTask());

        Assert.Equal("The audit trail is closed.", refused.Message);
    }

    private static long SequenceOf(string line)
    {
        var at = line.LastIndexOf("\"seq\":", StringComparison.Ordinal) + 6;
        return long.Parse(line.AsSpan(at, line.IndexOf(',', at) - at), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Holds the trail's writer inside its first record until released, so the queue fills up.</summary>
    private sealed class BlockingObserver : IAuditRecordObserver, IDisposable
    {
        private readonly ManualResetEventSlim _release = new();
        private int _calls;

        internal SemaphoreSlim Entered { get; } = new(0);

        public void OnRecordWritten(AuditRecordWritten record)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                Entered.Release();
                _release.Wait(TimeSpan.FromSeconds(30));
            }
        }

        internal void Release() => _release.Set();

        public void Dispose()
        {
            _release.Dispose();
            Entered.Dispose();
        }
    }
}
