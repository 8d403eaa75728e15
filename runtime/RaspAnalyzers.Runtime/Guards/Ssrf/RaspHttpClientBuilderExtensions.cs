using System;
using Microsoft.Extensions.DependencyInjection;

namespace RaspAnalyzers.Guards;

/// <summary>Puts the SSRF guard on a client made by <c>IHttpClientFactory</c>.</summary>
public static class RaspHttpClientBuilderExtensions
{
    /// <summary>
    /// Checks every request URL of the client against the request's untrusted values, and every connection
    /// against the address policy. Replaces the client's primary handler with a guarded <c>SocketsHttpHandler</c>.
    /// </summary>
    /// <param name="builder">The client builder.</param>
    /// <returns>The client builder.</returns>
    public static IHttpClientBuilder AddRaspGuard(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHttpMessageHandler<RaspHttpMessageHandler>();
        builder.ConfigurePrimaryHttpMessageHandler(services =>
            new SsrfConnectGuard(services.GetRequiredService<RaspGuard>()).CreateHandler());
        return builder;
    }
}
