using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Compliance.Redaction;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Writes an <see cref="AuditEvent"/> as the canonical JSON object stored in the trail, with every PHI member replaced
/// by its redacted form. Members are written in ordinal order by hand, so no reflection and no sorting runs per event.
/// </summary>
internal static class AuditEventSerializer
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    internal static byte[] Serialize(AuditEvent auditEvent, Redactor phiRedactor)
    {
        // Callers serialize concurrently; a buffer and writer per thread keep that free of locks and of garbage.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, CanonicalJson.WriterOptions);
        writer.Reset(buffer);
        Write(writer, auditEvent, phiRedactor);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, AuditEvent e, Redactor phi)
    {
        // Keep the members below in ordinal order of their names: the verifier rejects any other order.
        writer.WriteStartObject();
        writer.WriteString("action", AuditCodes.Action(e.Action));
        WriteRedacted(writer, "clientAddress", e.ClientAddress, phi);
        if (e.Details.Count > 0)
        {
            var keys = new List<string>(e.Details.Keys);
            keys.Sort(StringComparer.Ordinal);
            writer.WriteStartObject("details");
            foreach (var key in keys)
            {
                writer.WriteString(key, e.Details[key]);
            }

            writer.WriteEndObject();
        }

        writer.WriteString("occurred", AuditCodes.Instant(e.OccurredAt));
        writer.WriteString("outcome", AuditCodes.Outcome(e.Outcome));
        WriteRedacted(writer, "patient", e.PatientId, phi);
        writer.WriteString("policy", AuditCodes.Policy(e.PolicyDecision));
        WriteOptional(writer, "purposeOfUse", e.PurposeOfUse);
        WriteRedacted(writer, "reason", e.Reason, phi);
        WriteOptional(writer, "requestId", e.RequestId);
        if (e.ResourceType is not null || e.ResourceId is not null)
        {
            writer.WriteStartObject("resource");
            WriteRedacted(writer, "id", e.ResourceId, phi);
            WriteOptional(writer, "type", e.ResourceType);
            writer.WriteEndObject();
        }

        WriteOptional(writer, "server", e.Server);
        writer.WriteString("stage", AuditCodes.Stage(e.Stage));
        writer.WriteString("subtype", AuditCodes.Subtype(e.Subtype));
        writer.WriteString("type", AuditCodes.Type(e.Type));
        if (e.UserId is not null || e.UserRoles.Count > 0)
        {
            writer.WriteStartObject("user");
            WriteOptional(writer, "id", e.UserId);
            writer.WriteStartArray("roles");
            foreach (var role in e.UserRoles)
            {
                writer.WriteStringValue(role);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteRedacted(Utf8JsonWriter writer, string name, string? value, Redactor phi)
    {
        if (value is not null)
        {
            writer.WriteString(name, phi.Redact(value));
        }
    }
}

/// <summary>The codes the trail stores for the event model's enumerations; they are part of the record format.</summary>
internal static class AuditCodes
{
    // The round-trip format of a UTC DateTime is yyyy-MM-ddTHH:mm:ss.fffffffZ and has a fast path.
    internal static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static string Action(AuditAction value) => value switch
    {
        AuditAction.Create => "C",
        AuditAction.Read => "R",
        AuditAction.Update => "U",
        AuditAction.Delete => "D",
        _ => "E",
    };

    internal static string Outcome(AuditOutcome value) => value switch
    {
        AuditOutcome.Success => "0",
        AuditOutcome.MinorFailure => "4",
        AuditOutcome.SeriousFailure => "8",
        _ => "12",
    };

    internal static string Stage(AuditStage value) => value == AuditStage.Start ? "start" : "outcome";

    internal static string Type(AuditEventType value) => value switch
    {
        AuditEventType.RestOperation => "rest",
        AuditEventType.SecurityAlert => "security-alert",
        _ => "user-authentication",
    };

    internal static string Subtype(AuditEventSubtype value) => value switch
    {
        AuditEventSubtype.Read => "read",
        AuditEventSubtype.Search => "search",
        AuditEventSubtype.Create => "create",
        AuditEventSubtype.Update => "update",
        AuditEventSubtype.Delete => "delete",
        AuditEventSubtype.Operation => "operation",
        AuditEventSubtype.GuardDecision => "guard-decision",
        AuditEventSubtype.AccessDenied => "access-denied",
        AuditEventSubtype.EmergencyOverrideStarted => "emergency-override-started",
        AuditEventSubtype.EmergencyOverrideStopped => "emergency-override-stopped",
        AuditEventSubtype.StepUpChallenge => "step-up-challenge",
        _ => "session-refused",
    };

    internal static string Policy(AuditPolicyDecision value) => value switch
    {
        AuditPolicyDecision.NotEvaluated => "not-evaluated",
        AuditPolicyDecision.Permit => "permit",
        AuditPolicyDecision.Deny => "deny",
        AuditPolicyDecision.EmergencyOverride => "emergency-override",
        AuditPolicyDecision.StepUpRequired => "step-up-required",
        AuditPolicyDecision.Monitored => "monitored",
        _ => "blocked",
    };
}
