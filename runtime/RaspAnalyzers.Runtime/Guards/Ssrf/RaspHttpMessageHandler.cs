using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace RaspAnalyzers.Guards;

/// <summary>An outbound HTTP handler that checks each request URL with the SSRF guard before sending it.</summary>
public sealed class RaspHttpMessageHandler : DelegatingHandler
{
    private readonly RaspGuard _guard;

    /// <summary>Creates the handler.</summary>
    /// <param name="guard">The guard.</param>
    public RaspHttpMessageHandler(RaspGuard guard)
    {
        _guard = guard ?? throw new ArgumentNullException(nameof(guard));
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri? uri = request.RequestUri;
        if (uri is not null)
        {
            // The original string is what the application built; Uri's normalized form would hide 0x7f.1 and friends.
            _guard.CheckUrl(uri.IsAbsoluteUri ? uri.OriginalString : uri.ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
