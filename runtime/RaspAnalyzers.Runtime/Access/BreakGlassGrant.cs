using System;

namespace RaspAnalyzers.Access;

/// <summary>An active emergency override: when it started and when it ends.</summary>
/// <param name="StartedAt">When the override began.</param>
/// <param name="EndsAt">When it stops overriding denials.</param>
/// <param name="Started">Whether this request started it.</param>
public sealed record BreakGlassGrant(DateTimeOffset StartedAt, DateTimeOffset EndsAt, bool Started);
