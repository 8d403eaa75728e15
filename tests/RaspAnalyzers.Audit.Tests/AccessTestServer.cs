using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RaspAnalyzers.Access;
using RaspAnalyzers.Audit;

namespace RaspAnalyzers.Audit.Tests;

/// <summary>An in-memory EHR app with header-based test authentication, a settable clock and a recording trail.</summary>
internal sealed class AccessTestServer : IAsyncDisposable
{
    internal static readonly EhrAccessRule ObservationRead = new()
    {
        Resource = "Observation",
        Action = EhrAction.Read,
        Roles = new[] { "physician" },
        PatientRouteValue = "patientId",
        ResourceRouteValue = "id",
    };

    private readonly WebApplication _app;

    private AccessTestServer(WebApplication app, RecordingAuditTrail audit, ManualTimeProvider time)
    {
        _app = app;
        Client = app.GetTestClient();
        Audit = audit;
        Time = time;
    }

    internal HttpClient Client { get; }

    internal RecordingAuditTrail Audit { get; }

    internal ManualTimeProvider Time { get; }

    internal static async Task<AccessTestServer> StartAsync(
        Action<BreakGlassOptions>? breakGlass = null,
        Action<SessionRuleOptions>? sessions = null)
    {
        var audit = new RecordingAuditTrail();
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IAuditTrail>(audit);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>("Test", null);
        builder.Services.AddAuthorization(options => options.AddPolicy("OnCall", policy => policy.RequireClaim("on_call", "true")));
        builder.Services.AddRaspAccessRules(breakGlass, sessions);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseRaspSessionRules();
        app.MapGet("/patients/{patientId}/observations/{id}", (string patientId, string id) => Results.Text("observation"))
            .RequireEhrAccess(ObservationRead);
        app.MapGet("/patients/{patientId}/strong", (string patientId) => Results.Text("strong"))
            .RequireEhrAccess(ObservationRead with
            {
                StepUp = new StepUpRequirement { AcrValues = new[] { "urn:rasp:mfa" }, MaxAge = TimeSpan.FromMinutes(5) },
            });
        app.MapGet("/on-call", () => Results.Text("on call"))
            .RequireEhrAccess(ObservationRead with
            {
                Roles = Array.Empty<string>(),
                Policies = new[] { "OnCall" },
                AllowBreakGlass = false
            });
        app.MapGet("/failing", () => Results.StatusCode(503)).RequireEhrAccess(ObservationRead);
        app.MapPost("/break-glass/end", async (HttpContext context, BreakGlassPolicy policy) =>
            Results.Text((await policy.EndAsync(context)).ToString()));
        await app.StartAsync();
        return new AccessTestServer(app, audit, time);
    }

    internal async Task<HttpResponseMessage> GetAsync(
        string path,
        string? user,
        string? roles = null,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
        }

        if (roles is not null)
        {
            request.Headers.Add("X-Test-Roles", roles);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

/// <summary>Keeps the events instead of chaining them, so tests can assert each event's members.</summary>
internal sealed class RecordingAuditTrail : IAuditTrail
{
    internal ConcurrentQueue<AuditEvent> Events { get; } = new();

    public ValueTask AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        Events.Enqueue(auditEvent);
        return default;
    }

    public bool TryAppend(AuditEvent auditEvent)
    {
        Events.Enqueue(auditEvent);
        return true;
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    internal List<AuditEvent> Take()
    {
        var taken = new List<AuditEvent>();
        while (Events.TryDequeue(out var e))
        {
            taken.Add(e);
        }

        return taken;
    }
}

internal sealed class ManualTimeProvider : TimeProvider
{
    internal ManualTimeProvider(DateTimeOffset now)
    {
        Now = now;
    }

    internal DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Authenticates from X-Test-* headers: user, roles, acr, auth_time (seconds ago), jti, sid and claims.</summary>
internal sealed class HeaderAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    private readonly TimeProvider _time;

    public HeaderAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options,
        ILoggerFactory logger,
        UrlEncoder encoder,
        TimeProvider time)
        : base(options, logger, encoder)
    {
        _time = time;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers["X-Test-User"].ToString();
        if (user.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user) };
        claims.AddRange(Request.Headers["X-Test-Roles"].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => new Claim(ClaimTypes.Role, r)));
        Add(claims, "acr", Request.Headers["X-Test-Acr"].ToString());
        Add(claims, "jti", Request.Headers["X-Test-Jti"].ToString());
        Add(claims, "sid", Request.Headers["X-Test-Sid"].ToString());
        Add(claims, "on_call", Request.Headers["X-Test-On-Call"].ToString());
        if (int.TryParse(
            Request.Headers["X-Test-Auth-Age"].ToString(),
            System.Globalization.CultureInfo.InvariantCulture,
            out var secondsAgo))
        {
            Add(
                claims,
                "auth_time",
                (_time.GetUtcNow().ToUnixTimeSeconds() - secondsAgo).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, "Test")));
    }

    private static void Add(List<Claim> claims, string type, string value)
    {
        if (value.Length > 0)
        {
            claims.Add(new Claim(type, value));
        }
    }
}
