using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RaspAnalyzers.Audit.Tests;

/// <summary>Through a real Kestrel server on 127.0.0.1 with a self-signed certificate made for the test.</summary>
public sealed class TransportSecurityTests : IAsyncLifetime
{
    private readonly X509Certificate2 _certificate = CreateCertificate();
    private WebApplication _app = null!;
    private Uri _https = null!;
    private Uri _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddRaspTransportSecurity();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.UseRaspHttps(_certificate);
            });
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        _app = builder.Build();
        _app.UseRaspTransportSecurity();
        _app.MapGet("/tls", (HttpContext context) =>
        {
            context.Response.Cookies.Append("session", "opaque");
            return context.Features.Get<ITlsHandshakeFeature>()!.Protocol.ToString();
        });
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _https = new Uri(addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)));
        _http = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    [Theory]
    [InlineData(SslProtocols.Tls12, "Tls12")]
    [InlineData(SslProtocols.Tls13, "Tls13")]
    public async Task Tls_1_2_and_1_3_are_negotiated(SslProtocols clientProtocols, string negotiated)
    {
        using var client = Client(clientProtocols);

        var protocol = await client.GetStringAsync(new Uri(_https, "/tls"));

        Assert.Equal(negotiated, protocol);
    }

    [Fact]
    public void UseRaspProtocols_allows_only_tls_1_2_and_1_3()
    {
        var options = new HttpsConnectionAdapterOptions { SslProtocols = SslProtocols.None }.UseRaspProtocols();

        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, options.SslProtocols);
    }

    [Fact]
    public async Task A_client_offering_only_tls_1_1_gets_no_connection()
    {
        // The client's own TLS library may refuse 1.1 as well; the test above pins what the server allows.
#pragma warning disable SYSLIB0039 // TLS 1.1 is obsolete: that is what is tested.
        using var client = Client(SslProtocols.Tls11);
#pragma warning restore SYSLIB0039

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(new Uri(_https, "/tls")));
    }

    [Fact]
    public async Task Https_responses_carry_hsts_and_cookies_are_forced_secure_and_http_only()
    {
        using var client = Client(SslProtocols.Tls12 | SslProtocols.Tls13);

        using var response = await client.GetAsync(new Uri(_https, "/tls"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Equal("session=opaque; path=/; secure; samesite=lax; httponly", response.Headers.GetValues("Set-Cookie").Single());
    }

    [Fact]
    public async Task A_plain_http_request_is_refused_without_hsts()
    {
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(_http, "/tls"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_connection_that_reports_tls_1_1_is_refused()
    {
        // No TLS 1.1 handshake can be had here, so the middleware is given a connection that reports one.
        var app = new ApplicationBuilder(_app.Services);
        app.UseRaspTransportSecurity();
        app.Run(context => context.Response.WriteAsync("served"));
        var pipeline = app.Build();
        var context = new DefaultHttpContext { RequestServices = _app.Services };
        context.Request.Scheme = "https";
#pragma warning disable SYSLIB0039 // TLS 1.1 is obsolete: that is what is tested.
        context.Features.Set<ITlsHandshakeFeature>(new ReportedHandshake(SslProtocols.Tls11));
#pragma warning restore SYSLIB0039

        await pipeline(context);

        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    private HttpClient Client(SslProtocols protocols)
    {
        var thumbprint = _certificate.Thumbprint;
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = protocols,

                // Trust exactly the test's certificate, nothing else.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is X509Certificate2 presented && presented.Thumbprint == thumbprint,
            },
        };
        return new HttpClient(handler);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new("1.3.6.1.5.5.7.3.1") }, false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // A round trip through PKCS#12 gives the certificate a private key the TLS stack can use on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private sealed class ReportedHandshake : ITlsHandshakeFeature
    {
        internal ReportedHandshake(SslProtocols protocol)
        {
            Protocol = protocol;
        }

        public SslProtocols Protocol { get; }

#pragma warning disable SYSLIB0058 // The interface still has the obsolete cipher members; nothing here reads them.
        public CipherAlgorithmType CipherAlgorithm => CipherAlgorithmType.Aes256;

        public int CipherStrength => 256;

        public HashAlgorithmType HashAlgorithm => HashAlgorithmType.Sha256;

        public int HashStrength => 256;

        public ExchangeAlgorithmType KeyExchangeAlgorithm => ExchangeAlgorithmType.None;

        public int KeyExchangeStrength => 0;
#pragma warning restore SYSLIB0058
    }
}
