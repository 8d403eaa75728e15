// The FHIR model marks every element nullable; a null here fails the assertion that reads it, which is the point.
#nullable disable

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using RaspAnalyzers.Audit;
using AuditEvent = RaspAnalyzers.Audit.AuditEvent;
using FhirAuditEvent = Hl7.Fhir.Model.AuditEvent;
using Task = System.Threading.Tasks.Task;

namespace RaspAnalyzers.Audit.Tests;

public sealed class FhirAuditEventExportTests : IDisposable
{
    private readonly TrailDirectory _trail = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public async Task The_export_parses_as_strict_fhir_r4_and_passes_the_sdk_validation()
    {
        await WriteMixedTrailAsync();

        var bundle = Parse(Export());
        var errors = bundle.Validate(ModelInfo.ModelInspector, NarrativeValidationKind.None, new FhirAttributeValidator(), true);

        Assert.Empty(errors);
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.Equal(4, bundle.Entry.Count);
        Assert.All(bundle.Entry, entry => Assert.IsType<FhirAuditEvent>(entry.Resource));
    }

    [Fact]
    public async Task A_read_maps_to_a_rest_audit_event_with_pseudonymous_patient_and_agent()
    {
        await WriteMixedTrailAsync();

        var read = (FhirAuditEvent)Parse(Export()).Entry[0].Resource;

        Assert.Equal("rasp-audit-1", read.Id);
        Assert.Equal("http://terminology.hl7.org/CodeSystem/audit-event-type", read.Type.System);
        Assert.Equal("rest", read.Type.Code);
        Assert.Equal("read", read.Subtype.Single().Code);
        Assert.Equal(FhirAuditEvent.AuditEventAction.R, read.Action);
        Assert.Equal(FhirAuditEvent.AuditEventOutcome.N0, read.Outcome);
        Assert.Equal("2026-12-03T09:30:01.0000000Z", read.Period.Start);
        Assert.Equal("TREAT", read.PurposeOfEvent.Single().Coding.Single().Code);
        var agent = read.Agent.Single();
        Assert.Equal("dr.house", agent.Who.Identifier.Value);
        Assert.True(agent.Requestor);
        Assert.Equal("physician", agent.Role.Single().Text);
        Assert.Equal(Pseudonym.Of("203.0.113.7"), agent.Network.Address);
        Assert.Equal("ehr-01", read.Source.Observer.Display);
        var patient = read.Entity[0];
        Assert.Equal("Patient", patient.What.Type);
        Assert.Equal(Pseudonym.Of("MRN-00001"), patient.What.Identifier.Value);
        Assert.Equal("1", patient.Role.Code);
        Assert.Equal(Pseudonym.Of("obs-1"), read.Entity[1].What.Identifier.Value);
        var details = read.Entity[2].Detail.ToDictionary(d => d.Type, d => ((FhirString)d.Value).Value);
        Assert.Equal("1", details["auditSequence"]);
        Assert.Equal(_trail.Lines()[0].Substring(9, 64), details["auditHash"]);
        Assert.Equal("req-1", details["requestId"]);
        Assert.Equal("permit", details["policyDecision"]);
    }

    [Fact]
    public async Task Security_alerts_and_emergency_overrides_map_to_dicom_codes()
    {
        await WriteMixedTrailAsync();

        var entries = Parse(Export()).Entry.Select(e => (FhirAuditEvent)e.Resource).ToList();

        Assert.Equal("110113", entries[1].Type.Code);
        Assert.Equal("urn:raspanalyzers:audit-subtype", entries[1].Subtype.Single().System);
        Assert.Equal("guard-decision", entries[1].Subtype.Single().Code);
        Assert.Equal(FhirAuditEvent.AuditEventOutcome.N8, entries[1].Outcome);
        var guardDetails = entries[1].Entity.Last().Detail.ToDictionary(d => d.Type, d => ((FhirString)d.Value).Value);
        Assert.Equal("sql-injection", guardDetails["attackClass"]);
        Assert.Equal("blocked", guardDetails["policyDecision"]);
        Assert.Equal("110127", entries[2].Subtype.Single().Code);
        Assert.Equal("Emergency Override Started", entries[2].Subtype.Single().Display);
        Assert.Equal(
            Pseudonym.Of("cardiac arrest in bay 3"),
            entries[2].Entity.Last().Detail.Single(d => d.Type == "reason").Value.ToString());
        Assert.Equal("110114", entries[3].Type.Code);
        Assert.Equal("step-up-challenge", entries[3].Subtype.Single().Code);
        Assert.Equal("anonymous", entries[3].Agent.Single().Who.Display);
    }

    [Fact]
    public void The_sdk_rejects_an_audit_event_without_a_requestor_so_the_validation_above_can_fail()
    {
        const string json = """
            {"resourceType":"AuditEvent","type":{"code":"rest"},"recorded":"2026-12-03T09:30:01Z",
             "agent":[{"who":{"display":"x"}}],"source":{"observer":{"display":"y"}}}
            """;

        var parsed = new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable))
            .Deserialize<FhirAuditEvent>(json);
        var errors = parsed.Validate(ModelInfo.ModelInspector, NarrativeValidationKind.None, new FhirAttributeValidator(), true);

        Assert.Contains(errors, e => e.Message.Contains("requestor", StringComparison.Ordinal));
    }

    private async Task WriteMixedTrailAsync()
    {
        await using var log = _trail.Open();
        await log.AppendAsync(SampleEvents.Read(1));
        await log.AppendAsync(new AuditEvent
        {
            Type = AuditEventType.SecurityAlert,
            Subtype = AuditEventSubtype.GuardDecision,
            Action = AuditAction.Execute,
            Outcome = AuditOutcome.SeriousFailure,
            OccurredAt = SampleEvents.Occurred,
            PolicyDecision = AuditPolicyDecision.Blocked,
            Details = new Dictionary<string, string> { ["attackClass"] = "sql-injection", ["sink"] = "SqlCommand.ExecuteReader" },
        });
        await log.AppendAsync(new AuditEvent
        {
            Type = AuditEventType.SecurityAlert,
            Subtype = AuditEventSubtype.EmergencyOverrideStarted,
            Action = AuditAction.Read,
            Stage = AuditStage.Start,
            OccurredAt = SampleEvents.Occurred,
            UserId = "nurse.joy",
            PurposeOfUse = "ETREAT",
            Reason = "cardiac arrest in bay 3",
            PolicyDecision = AuditPolicyDecision.EmergencyOverride,
        });
        await log.AppendAsync(new AuditEvent
        {
            Type = AuditEventType.UserAuthentication,
            Subtype = AuditEventSubtype.StepUpChallenge,
            Action = AuditAction.Execute,
            Outcome = AuditOutcome.MinorFailure,
            OccurredAt = SampleEvents.Occurred,
            PolicyDecision = AuditPolicyDecision.StepUpRequired,
        });
    }

    private string Export()
    {
        using var output = new MemoryStream();
        FhirAuditEventExporter.WriteBundle(output, AuditSegmentFiles.List(_trail.Path, "audit"));
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static Bundle Parse(string json) =>
        new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Strict)).Deserialize<Bundle>(json);
}
