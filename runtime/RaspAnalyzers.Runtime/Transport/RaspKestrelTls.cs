using System;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace RaspAnalyzers;

/// <summary>Kestrel HTTPS that allows only TLS 1.2 and TLS 1.3.</summary>
public static class RaspKestrelTls
{
    /// <summary>The protocols allowed: TLS 1.2 and TLS 1.3.</summary>
    public const SslProtocols AllowedProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>Restricts <paramref name="options"/> to <see cref="AllowedProtocols"/>.</summary>
    public static HttpsConnectionAdapterOptions UseRaspProtocols(this HttpsConnectionAdapterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SslProtocols = AllowedProtocols;
        return options;
    }

    /// <summary>Serves HTTPS on <paramref name="listenOptions"/> with <paramref name="certificate"/>, TLS 1.2 and 1.3 only.</summary>
    public static ListenOptions UseRaspHttps(this ListenOptions listenOptions, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(listenOptions);
        ArgumentNullException.ThrowIfNull(certificate);
        return listenOptions.UseHttps(new HttpsConnectionAdapterOptions { ServerCertificate = certificate }.UseRaspProtocols());
    }

    /// <summary>Makes TLS 1.2 and 1.3 the only protocols of every HTTPS endpoint Kestrel configures.</summary>
    public static KestrelServerOptions UseRaspTlsDefaults(this KestrelServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConfigureHttpsDefaults(https => https.UseRaspProtocols());
        return options;
    }
}
