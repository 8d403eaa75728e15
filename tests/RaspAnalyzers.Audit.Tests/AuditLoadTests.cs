using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Audit.Tests;

public sealed class AuditLoadTests : IDisposable
{
    private const int Writers = 64;
    private const int EventsPerWriter = 10_000;

    private readonly TrailDirectory _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public async Task Sixty_four_concurrent_writers_of_ten_thousand_events_lose_nothing_and_the_chain_verifies()
    {
        var options = _trail.TrailOptions(checkpointInterval: 1000, maxSegmentBytes: 32L * 1024 * 1024);
        await using (var log = _trail.Open(options))
        {
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var n = 0; n < EventsPerWriter; n++)
                {
                    await log.AppendAsync(SampleEvents.Numbered(w, n));
                }
            }));
            await Task.WhenAll(writers);
        }

        var result = _trail.Verify();

        Assert.Equal(AuditVerificationStatus.Intact, result.Status);
        Assert.Equal(Writers * EventsPerWriter, result.EventsVerified);
        Assert.Equal(0, result.DroppedEvents);

        // Each writer's events are all there, once each, in the order that writer appended them.
        var next = new int[Writers];
        foreach (var segment in AuditSegmentFiles.List(_trail.Path, "audit"))
        {
            foreach (var line in File.ReadLines(segment))
            {
                var details = line.IndexOf("\"details\":{\"n\":\"", StringComparison.Ordinal);
                if (details < 0)
                {
                    continue;
                }

                var n = int.Parse(Between(line, details + 16, '"'), System.Globalization.CultureInfo.InvariantCulture);
                var w = int.Parse(Between(line, line.IndexOf("\"w\":\"", details, StringComparison.Ordinal) + 5, '"'),
                    System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(next[w], n);
                next[w]++;
            }
        }

        Assert.All(next, count => Assert.Equal(EventsPerWriter, count));
    }

    private static ReadOnlySpan<char> Between(string line, int start, char end) =>
        line.AsSpan(start, line.IndexOf(end, start) - start);
}
