using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace RaspAnalyzers.Guards;

/// <summary>
/// Reads a request's untrusted values without taking the body from the application: the body is buffered and
/// rewound, at most <see cref="RequestCaptureOptions.MaxBodyBytes"/> of it is read, and a JSON body is walked with a
/// forward-only reader for its string leaves.
/// </summary>
public static class RequestValueCapture
{
    /// <summary>Collects the untrusted values of <paramref name="request"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="options">Which parts to read and the bounds.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The values; route values are added later by <see cref="RaspRequestScope"/>, once routing has run.</returns>
    public static async ValueTask<UntrustedValues> CaptureAsync(
        HttpRequest request, RequestCaptureOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var values = new UntrustedValues(options.MaxValues, options.MaxValueLength, (long)options.MaxValues * options.MaxValueLength);
        RequestPart parts = options.Parts;

        if ((parts & RequestPart.Query) != 0)
        {
            foreach (var pair in request.Query)
            {
                AddAll(values, RequestPart.Query, pair.Key, pair.Value);
            }
        }

        if ((parts & RequestPart.Cookie) != 0)
        {
            foreach (var pair in request.Cookies)
            {
                values.Add(RequestPart.Cookie, pair.Key, pair.Value);
            }
        }

        if ((parts & RequestPart.Header) != 0)
        {
            foreach (string header in options.Headers)
            {
                AddAll(values, RequestPart.Header, header, request.Headers[header]);
            }
        }

        if (!HasReadableBody(request, options))
        {
            return values;
        }

        // A form is read whole by the framework's reader, so a form larger than the bound is not judged at all.
        if ((parts & RequestPart.Form) != 0 && request.HasFormContentType && request.ContentLength <= options.MaxBodyBytes)
        {
            await CaptureFormAsync(request, values, cancellationToken).ConfigureAwait(false);
        }
        else if ((parts & RequestPart.JsonBody) != 0 && IsJson(request.ContentType))
        {
            await CaptureJsonAsync(request, options, values, cancellationToken).ConfigureAwait(false);
        }

        return values;
    }

    /// <summary>Adds the string leaves of a JSON document, as far as it is well-formed and within the depth bound.</summary>
    /// <param name="json">The UTF-8 JSON, possibly cut short.</param>
    /// <param name="isComplete">False when <paramref name="json"/> is a prefix of a larger body.</param>
    /// <param name="maxDepth">The deepest nesting read.</param>
    /// <param name="values">The collection added to.</param>
    public static void AddJsonLeaves(ReadOnlySpan<byte> json, bool isComplete, int maxDepth, UntrustedValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var reader = new Utf8JsonReader(json, isComplete, new JsonReaderState(new JsonReaderOptions
        {
            MaxDepth = maxDepth,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        }));

        string name = string.Empty;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        name = reader.GetString() ?? string.Empty;
                        break;
                    case JsonTokenType.String:
                        if (!values.Add(RequestPart.JsonBody, name, reader.GetString()))
                        {
                            return;
                        }

                        break;
                    case JsonTokenType.Number:
                        // Numbers are captured as written, since "1 OR 1=1" cannot hide in one but "1" can reach SQL.
                        values.Add(RequestPart.JsonBody, name, System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A malformed or too deep body keeps the leaves read so far; the application sees its own error.
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or an unpaired surrogate inside a string ends reading the same way.
        }
    }

    private static bool HasReadableBody(HttpRequest request, RequestCaptureOptions options) =>
        options.MaxBodyBytes > 0
        && (request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
        && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false;

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static async Task CaptureFormAsync(HttpRequest request, UntrustedValues values, CancellationToken cancellationToken)
    {
        // The form reader caches what it reads on the request, so the application's own ReadFormAsync sees it too.
        request.EnableBuffering();
        IFormCollection form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        request.Body.Position = 0;
        foreach (var pair in form)
        {
            AddAll(values, RequestPart.Form, pair.Key, pair.Value);
        }
    }

    private static async Task CaptureJsonAsync(
        HttpRequest request, RequestCaptureOptions options, UntrustedValues values, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(options.MaxBodyBytes);
        try
        {
            int read = 0;
            while (read < options.MaxBodyBytes)
            {
                int n = await request.Body.ReadAsync(buffer.AsMemory(read, options.MaxBodyBytes - read), cancellationToken)
                    .ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            bool complete = read < options.MaxBodyBytes || request.ContentLength == read;
            AddJsonLeaves(buffer.AsSpan(0, read), complete, options.MaxJsonDepth, values);
        }
        finally
        {
            request.Body.Seek(0, SeekOrigin.Begin);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void AddAll(UntrustedValues values, RequestPart part, string name, StringValues items)
    {
        foreach (string? item in items)
        {
            values.Add(part, name, item);
        }
    }
}
