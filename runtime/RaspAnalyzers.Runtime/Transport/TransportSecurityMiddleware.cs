using System;
using System.Globalization;
using System.Security.Authentication;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace RaspAnalyzers.Transport;

/// <summary>
/// Refuses (403) a request over plain HTTP or over TLS below the minimum version, and sends HSTS on HTTPS responses.
/// </summary>
/// <remarks>
/// The TLS version is known only where the connection reports it (Kestrel, or IIS and HTTP.sys with their handshake
/// feature). Behind a TLS-terminating proxy the app sees no handshake, so the proxy must enforce the version itself.
/// </remarks>
internal sealed class TransportSecurityMiddleware
{
    private static readonly Action<ILogger, Exception?> PlainHttpMessage = LoggerMessage.Define(
        LogLevel.Warning,
        new EventId(4170, "PlainHttpRefused"),
        "A request over plain HTTP was refused");

    private static readonly Action<ILogger, SslProtocols, SslProtocols, Exception?> WeakTlsMessage =
        LoggerMessage.Define<SslProtocols, SslProtocols>(
            LogLevel.Warning,
            new EventId(4171, "WeakTlsRefused"),
            "A request over {Protocol} was refused; the minimum is {Minimum}");

    private readonly RequestDelegate _next;
    private readonly TransportSecurityOptions _options;
    private readonly ILogger _logger;
    private readonly string? _hsts;

    public TransportSecurityMiddleware(
        RequestDelegate next,
        IOptions<TransportSecurityOptions> options,
        ILogger<TransportSecurityMiddleware> logger)
    {
        _next = next;
        _options = options.Value;
        _logger = logger;
        if (_options.HstsMaxAge > TimeSpan.Zero)
        {
            _hsts = "max-age=" + ((long)_options.HstsMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture)
                + (_options.HstsIncludeSubDomains ? "; includeSubDomains" : string.Empty)
                + (_options.HstsPreload ? "; preload" : string.Empty);
        }
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.IsHttps)
        {
            if (!_options.RefusePlainHttp)
            {
                return _next(context);
            }

            PlainHttpMessage(_logger, null);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        // SslProtocols values grow with the version (Ssl3 < Tls < Tls11 < Tls12 < Tls13), one flag per connection.
        var protocol = context.Features.Get<ITlsHandshakeFeature>()?.Protocol ?? SslProtocols.None;
        if (protocol != SslProtocols.None && protocol < _options.MinimumProtocol)
        {
            WeakTlsMessage(_logger, protocol, _options.MinimumProtocol, null);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        if (_hsts is not null)
        {
            context.Response.Headers[HeaderNames.StrictTransportSecurity] = _hsts;
        }

        return _next(context);
    }
}
