using System;
using System.Collections.Generic;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Audit.Tests;

internal static class SampleEvents
{
    internal static readonly DateTimeOffset Occurred = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);

    internal static AuditEvent Read(int n) => new()
    {
        Type = AuditEventType.RestOperation,
        Subtype = AuditEventSubtype.Read,
        Action = AuditAction.Read,
        OccurredAt = Occurred.AddSeconds(n),
        UserId = "dr.house",
        UserRoles = new[] { "physician" },
        PurposeOfUse = "TREAT",
        ClientAddress = "203.0.113.7",
        Server = "ehr-01",
        PatientId = "MRN-" + n.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
        ResourceType = "Observation",
        ResourceId = "obs-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RequestId = "req-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PolicyDecision = AuditPolicyDecision.Permit,
    };

    internal static AuditEvent Numbered(int writer, int n) => new()
    {
        Type = AuditEventType.RestOperation,
        Subtype = AuditEventSubtype.Search,
        Action = AuditAction.Execute,
        OccurredAt = Occurred,
        UserId = "u" + writer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PatientId = "MRN-42",
        Details = new Dictionary<string, string>
        {
            ["n"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["w"] = writer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };
}
