using System.Collections.Generic;

namespace RaspAnalyzers.Guards;

/// <summary>What the middleware keeps of each request (<c>Rasp:Capture</c>), and how much at most.</summary>
public sealed class RequestCaptureOptions
{
    /// <summary>The request parts whose values count as untrusted. Default: all of them.</summary>
    public RequestPart Parts { get; set; } = RequestPart.All;

    /// <summary>Header names whose values count as untrusted, when <see cref="RequestPart.Header"/> is on.</summary>
    public List<string> Headers { get; set; } = [];

    /// <summary>The most body bytes read for form and JSON values; the rest of a larger body is not judged.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The most values kept per request.</summary>
    public int MaxValues { get; set; } = 256;

    /// <summary>The longest value kept, in characters; a longer value is cut.</summary>
    public int MaxValueLength { get; set; } = 4096;

    /// <summary>The deepest JSON nesting read; deeper values are not judged.</summary>
    public int MaxJsonDepth { get; set; } = 32;
}
