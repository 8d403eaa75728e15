using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Audit.Tests;

public sealed class AuditRedactionTests : IDisposable
{
    private readonly TrailDirectory _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public async Task Phi_members_are_stored_as_keyed_pseudonyms_and_never_in_clear()
    {
        var auditEvent = SampleEvents.Read(1) with { Reason = "John Doe collapsed in ward 4" };
        await using (var log = _trail.Open())
        {
            await log.AppendAsync(auditEvent);
        }

        var text = File.ReadAllText(_trail.FirstSegment);

        Assert.DoesNotContain("MRN-00001", text, StringComparison.Ordinal);
        Assert.DoesNotContain("obs-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.7", text, StringComparison.Ordinal);
        Assert.DoesNotContain("John Doe", text, StringComparison.Ordinal);
        Assert.Contains("\"patient\":\"" + Pseudonym.Of("MRN-00001") + "\"", text, StringComparison.Ordinal);
        Assert.Contains("\"resource\":{\"id\":\"" + Pseudonym.Of("obs-1") + "\",\"type\":\"Observation\"}", text, StringComparison.Ordinal);
        Assert.Contains("\"clientAddress\":\"" + Pseudonym.Of("203.0.113.7") + "\"", text, StringComparison.Ordinal);
        Assert.Contains("\"reason\":\"" + Pseudonym.Of("John Doe collapsed in ward 4") + "\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_patient_gets_the_same_pseudonym_so_events_stay_correlatable()
    {
        await using (var log = _trail.Open())
        {
            await log.AppendAsync(SampleEvents.Read(1) with { PatientId = "MRN-777" });
            await log.AppendAsync(SampleEvents.Read(2) with { PatientId = "MRN-777" });
            await log.AppendAsync(SampleEvents.Read(3) with { PatientId = "MRN-778" });
        }

        var lines = _trail.Lines();
        var same = "\"patient\":\"" + Pseudonym.Of("MRN-777") + "\"";

        Assert.Contains(same, lines[0], StringComparison.Ordinal);
        Assert.Contains(same, lines[1], StringComparison.Ordinal);
        Assert.Contains("\"patient\":\"" + Pseudonym.Of("MRN-778") + "\"", lines[2], StringComparison.Ordinal);
        Assert.NotEqual(Pseudonym.Of("MRN-777"), Pseudonym.Of("MRN-778"));
    }

    [Fact]
    public async Task Every_member_classified_as_phi_is_redacted()
    {
        // Reflection finds the classified members, so a PHI member added later without redaction fails here.
        var phiMembers = typeof(AuditEvent).GetProperties()
            .Where(p => p.GetCustomAttribute<PhiSensitiveAttribute>() is not null)
            .Select(p => p.Name)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
        var auditEvent = SampleEvents.Read(1);
        foreach (var name in phiMembers)
        {
            typeof(AuditEvent).GetProperty(name)!.SetValue(auditEvent, "SENTINEL-" + name);
        }

        await using (var log = _trail.Open())
        {
            await log.AppendAsync(auditEvent);
        }

        var text = File.ReadAllText(_trail.FirstSegment);

        Assert.Equal(new[] { "ClientAddress", "PatientId", "Reason", "ResourceId" }, phiMembers);
        Assert.DoesNotContain("SENTINEL", text, StringComparison.Ordinal);
        foreach (var name in phiMembers)
        {
            Assert.Contains(Pseudonym.Of("SENTINEL-" + name), text, StringComparison.Ordinal);
        }
    }
}
