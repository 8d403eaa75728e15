using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace RaspAnalyzers.Audit;

/// <summary>
/// Turns the event records of a trail into FHIR R4 AuditEvent resources (JSON), for an EHR's audit repository or a
/// FHIR-aware SIEM. Pseudonyms stay pseudonyms: the export holds no more PHI than the trail.
/// </summary>
public static class FhirAuditEventExporter
{
    private const string DicomSystem = "http://dicom.nema.org/resources/ontology/DCM";
    private const string RestInteractionSystem = "http://hl7.org/fhir/restful-interaction";
    private const string LocalSubtypeSystem = "urn:raspanalyzers:audit-subtype";

    /// <summary>
    /// Writes one trail line as an AuditEvent resource. Returns false, writing nothing, when the line is a checkpoint.
    /// </summary>
    /// <exception cref="InvalidDataException">The line is not a trail record.</exception>
    public static bool TryWriteAuditEvent(Utf8JsonWriter writer, ReadOnlySpan<byte> line)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (line.Length <= AuditRecordFormat.RecordOffset || !line.StartsWith(AuditRecordFormat.LinePrefix))
        {
            throw new InvalidDataException("The line is not an audit trail record.");
        }

        var hash = System.Text.Encoding.ASCII.GetString(
            line.Slice(AuditRecordFormat.LinePrefix.Length, AuditRecordFormat.HashHexLength));
        using var document = JsonDocument.Parse(line[AuditRecordFormat.RecordOffset..^1].ToArray());
        var record = document.RootElement;
        if (record.GetProperty("type").GetString() != AuditRecordFormat.EventKind)
        {
            return false;
        }

        WriteAuditEvent(writer, record, hash);
        return true;
    }

    /// <summary>Writes every event of the trail's <paramref name="segments"/> as a FHIR R4 Bundle of type collection.</summary>
    public static void WriteBundle(Stream output, IReadOnlyList<string> segments)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(segments);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Bundle");
        writer.WriteString("type", "collection");
        writer.WriteStartArray("entry");
        foreach (var segment in segments)
        {
            foreach (var line in File.ReadLines(segment))
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(line);
                if (IsEvent(bytes))
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("resource");
                    TryWriteAuditEvent(writer, bytes);
                    writer.WriteEndObject();
                }
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // "type" sorts last among a record's members, so a canonical event line always ends this way.
    private static bool IsEvent(byte[] line) => line.AsSpan().EndsWith("\"type\":\"event\"}}"u8);

    private static void WriteAuditEvent(Utf8JsonWriter writer, JsonElement record, string hash)
    {
        var e = record.GetProperty("event");
        var seq = record.GetProperty("seq").GetInt64();
        writer.WriteStartObject();
        writer.WriteString("resourceType", "AuditEvent");
        writer.WriteString("id", "rasp-audit-" + seq.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var type = Text(e, "type");
        writer.WriteStartObject("type");
        switch (type)
        {
            case "rest":
                WriteCoding(writer, "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation");
                break;
            case "security-alert":
                WriteCoding(writer, DicomSystem, "110113", "Security Alert");
                break;
            default:
                WriteCoding(writer, DicomSystem, "110114", "User Authentication");
                break;
        }

        writer.WriteEndObject();

        writer.WriteStartArray("subtype");
        writer.WriteStartObject();
        var subtype = Text(e, "subtype") ?? "operation";
        switch (subtype)
        {
            case "read" or "create" or "update" or "delete" or "operation":
                WriteCoding(writer, RestInteractionSystem, subtype, null);
                break;
            case "search":
                WriteCoding(writer, RestInteractionSystem, "search-type", null);
                break;
            case "emergency-override-started":
                WriteCoding(writer, DicomSystem, "110127", "Emergency Override Started");
                break;
            case "emergency-override-stopped":
                WriteCoding(writer, DicomSystem, "110138", "Emergency Override Stopped");
                break;
            default:
                WriteCoding(writer, LocalSubtypeSystem, subtype, null);
                break;
        }

        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteString("action", Text(e, "action"));
        writer.WriteStartObject("period");
        writer.WriteString("start", Text(e, "occurred"));
        writer.WriteEndObject();
        writer.WriteString("recorded", record.GetProperty("recorded").GetString());
        writer.WriteString("outcome", Text(e, "outcome"));
        writer.WriteString("outcomeDesc", $"stage {Text(e, "stage")}, policy decision {Text(e, "policy")}");
        var purpose = Text(e, "purposeOfUse");
        if (purpose is not null)
        {
            writer.WriteStartArray("purposeOfEvent");
            WritePurpose(writer, purpose);
            writer.WriteEndArray();
        }

        WriteAgent(writer, e, purpose);
        WriteSource(writer, e);
        WriteEntities(writer, e, seq, hash);
        writer.WriteEndObject();
    }

    private static void WriteAgent(Utf8JsonWriter writer, JsonElement e, string? purpose)
    {
        writer.WriteStartArray("agent");
        writer.WriteStartObject();
        writer.WriteStartObject("type");
        writer.WriteStartArray("coding");
        writer.WriteStartObject();
        WriteCoding(writer, "http://terminology.hl7.org/CodeSystem/extra-security-role-type", "humanuser", "human user");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();

        var hasUser = e.TryGetProperty("user", out var user);
        writer.WriteStartObject("who");
        if (hasUser && Text(user, "id") is { } userId)
        {
            writer.WriteStartObject("identifier");
            writer.WriteString("value", userId);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString("display", "anonymous");
        }

        writer.WriteEndObject();
        writer.WriteBoolean("requestor", true);
        if (hasUser && user.TryGetProperty("roles", out var roles) && roles.GetArrayLength() > 0)
        {
            writer.WriteStartArray("role");
            foreach (var role in roles.EnumerateArray())
            {
                writer.WriteStartObject();
                writer.WriteString("text", role.GetString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (Text(e, "clientAddress") is { } address)
        {
            writer.WriteStartObject("network");
            writer.WriteString("address", address);
            writer.WriteEndObject();
        }

        if (purpose is not null)
        {
            writer.WriteStartArray("purposeOfUse");
            WritePurpose(writer, purpose);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteSource(Utf8JsonWriter writer, JsonElement e)
    {
        writer.WriteStartObject("source");
        writer.WriteStartObject("observer");
        writer.WriteString("display", Text(e, "server") ?? "RaspAnalyzers");
        writer.WriteEndObject();
        writer.WriteStartArray("type");
        writer.WriteStartObject();
        WriteCoding(writer, "http://terminology.hl7.org/CodeSystem/security-source-type", "3", "Web Server");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteEntities(Utf8JsonWriter writer, JsonElement e, long seq, string hash)
    {
        writer.WriteStartArray("entity");
        if (Text(e, "patient") is { } patient)
        {
            WriteEntity(writer, "Patient", patient, ("1", "Person"), ("1", "Patient"));
        }

        if (e.TryGetProperty("resource", out var resource))
        {
            WriteEntity(writer, Text(resource, "type"), Text(resource, "id"), ("2", "System Object"), ("4", "Domain Resource"));
        }

        // The trail's own coordinates, so an auditor can check the exported event against the verified chain.
        writer.WriteStartObject();
        writer.WriteString("description", "RaspAnalyzers audit trail record");
        writer.WriteStartArray("detail");
        WriteDetail(writer, "auditSequence", seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WriteDetail(writer, "auditHash", hash);
        WriteDetail(writer, "policyDecision", Text(e, "policy"));
        if (Text(e, "requestId") is { } requestId)
        {
            WriteDetail(writer, "requestId", requestId);
        }

        if (Text(e, "reason") is { } reason)
        {
            WriteDetail(writer, "reason", reason);
        }

        if (e.TryGetProperty("details", out var details))
        {
            foreach (var detail in details.EnumerateObject())
            {
                WriteDetail(writer, detail.Name, detail.Value.GetString());
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteEntity(
        Utf8JsonWriter writer, string? resourceType, string? id, (string Code, string Display) type, (string Code, string Display) role)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("what");
        if (resourceType is not null)
        {
            writer.WriteString("type", resourceType);
        }

        if (id is not null)
        {
            writer.WriteStartObject("identifier");
            writer.WriteString("value", id);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString("display", resourceType);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("type");
        WriteCoding(writer, "http://terminology.hl7.org/CodeSystem/audit-entity-type", type.Code, type.Display);
        writer.WriteEndObject();
        writer.WriteStartObject("role");
        WriteCoding(writer, "http://terminology.hl7.org/CodeSystem/object-role", role.Code, role.Display);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteDetail(Utf8JsonWriter writer, string type, string? value)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("valueString", value ?? string.Empty);
        writer.WriteEndObject();
    }

    private static void WritePurpose(Utf8JsonWriter writer, string purpose)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("coding");
        writer.WriteStartObject();
        WriteCoding(writer, "http://terminology.hl7.org/CodeSystem/v3-ActReason", purpose, null);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteCoding(Utf8JsonWriter writer, string system, string code, string? display)
    {
        writer.WriteString("system", system);
        writer.WriteString("code", code);
        if (display is not null)
        {
            writer.WriteString("display", display);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
