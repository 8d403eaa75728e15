using System;

namespace RaspAnalyzers.Guards;

/// <summary>The parts of an HTTP request whose values count as untrusted.</summary>
[Flags]
public enum RequestPart
{
    /// <summary>No part.</summary>
    None = 0,

    /// <summary>Query string values.</summary>
    Query = 1,

    /// <summary>Form fields of a url-encoded or multipart body (files are not read).</summary>
    Form = 2,

    /// <summary>Route values such as <c>{id}</c>.</summary>
    Route = 4,

    /// <summary>Cookie values.</summary>
    Cookie = 8,

    /// <summary>The headers named in <see cref="RequestCaptureOptions.Headers"/>.</summary>
    Header = 16,

    /// <summary>String leaves of a JSON body.</summary>
    JsonBody = 32,

    /// <summary>A value supplied by application code outside an HTTP request.</summary>
    Other = 64,

    /// <summary>Every request part.</summary>
    All = Query | Form | Route | Cookie | Header | JsonBody,
}
