using System;
using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RaspAnalyzers.Guards;

/// <summary>
/// The untrusted values of the request being served, kept in an async-local slot so that a guard deep in a
/// repository or an EF Core interceptor finds them without a parameter. Outside any scope guards see no values and
/// pass every call.
/// </summary>
public sealed class RaspRequestScope : IDisposable
{
    private static readonly AsyncLocal<RaspRequestScope?> CurrentSlot = new();

    private readonly RaspRequestScope? _previous;
    private readonly HttpContext? _httpContext;
    private readonly RequestPart _lateParts;
    private bool _routeValuesAdded;
    private bool _disposed;

    private RaspRequestScope(UntrustedValues values, HttpContext? httpContext, RequestPart lateParts, string? requestId)
    {
        Values = values;
        _httpContext = httpContext;
        _lateParts = lateParts;
        RequestId = requestId;
        _previous = CurrentSlot.Value;
        CurrentSlot.Value = this;
    }

    /// <summary>The scope of the current asynchronous flow, if any.</summary>
    public static RaspRequestScope? Current => CurrentSlot.Value;

    /// <summary>The request's trace identifier, when the scope belongs to an HTTP request.</summary>
    public string? RequestId { get; }

    internal UntrustedValues Values { get; }

    /// <summary>Starts a scope for work outside an HTTP request that handles untrusted values (a queue message, a file).</summary>
    /// <param name="values">The values to guard against.</param>
    /// <returns>The scope; dispose it to restore the previous one.</returns>
    public static RaspRequestScope Begin(UntrustedValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new RaspRequestScope(values, null, RequestPart.None, null);
    }

    internal static RaspRequestScope Begin(UntrustedValues values, HttpContext httpContext, RequestPart lateParts) =>
        new(values, httpContext, lateParts, httpContext.TraceIdentifier);

    /// <summary>The untrusted values, with route values added once routing has run.</summary>
    /// <returns>The values.</returns>
    public ReadOnlySpan<UntrustedValue> GetValues()
    {
        if (!Volatile.Read(ref _routeValuesAdded) && _httpContext is not null && (_lateParts & RequestPart.Route) != 0)
        {
            // Two queries of one request may run at once; the first to arrive adds the route values.
            lock (Values)
            {
                AddRouteValues(_httpContext);
            }
        }

        return Values.AsSpan();
    }

    private void AddRouteValues(HttpContext httpContext)
    {
        // Before routing has chosen an endpoint there is nothing to add yet; ask again at the next check.
        RouteValueDictionary routeValues = httpContext.Request.RouteValues;
        if (_routeValuesAdded || (routeValues.Count == 0 && httpContext.GetEndpoint() is null))
        {
            return;
        }

        foreach (var pair in routeValues)
        {
            if (pair.Key is not ("controller" or "action" or "page" or "area"))
            {
                Values.Add(RequestPart.Route, pair.Key, pair.Value as string);
            }
        }

        Volatile.Write(ref _routeValuesAdded, true);
    }

    /// <summary>The route template of the endpoint being served, or "-".</summary>
    /// <returns>The template; never the raw request path, which may carry identifiers.</returns>
    public string Route()
    {
        Endpoint? endpoint = _httpContext?.GetEndpoint();
        return (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "-";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CurrentSlot.Value = _previous;
    }
}
