using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RaspAnalyzers.Audit;
using RaspAnalyzers.Tools.RaspAudit;

namespace RaspAnalyzers.Audit.Tests;

public sealed class AuditRegistrationTests : IDisposable
{
    private readonly TrailDirectory _trail = new();
    private readonly CollectingLoggerProvider _logs = new();

    public void Dispose() => _trail.Dispose();

    [Fact]
    public async Task A_host_writes_a_verifiable_trail_and_forwards_each_record_to_the_logger_sink()
    {
        using (var host = BuildHost(ConfiguredKeys()))
        {
            await host.StartAsync();
            var trail = host.Services.GetRequiredService<IAuditTrail>();
            await trail.AppendAsync(SampleEvents.Read(1));
            await trail.AppendAsync(SampleEvents.Read(2));
            await host.StopAsync();
        }

        var result = _trail.Verify();
        var forwarded = _logs.Entries.Where(e => e.Category == LoggerAuditRecordObserver.Category).ToList();
        var lines = _trail.Lines();

        Assert.Equal(AuditVerificationStatus.Intact, result.Status);
        Assert.Equal(3, result.RecordsVerified);
        Assert.Equal(3, forwarded.Count);
        Assert.All(forwarded, e => Assert.Equal(4120, e.EventId.Id));
        Assert.StartsWith("Audit event 1 " + lines[0].Substring(9, 64) + " {\"event\":", forwarded[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Audit checkpoint 3 " + lines[2].Substring(9, 64), forwarded[2].Text, StringComparison.Ordinal);
        Assert.Contains("\"patient\":\"" + Pseudonym.Of("MRN-00001", keyId: 3) + "\"", lines[0], StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4105);
    }

    [Fact]
    public async Task The_keys_appear_in_no_trail_log_export_or_command_output()
    {
        using (var host = BuildHost(ConfiguredKeys()))
        {
            await host.StartAsync();
            var trail = host.Services.GetRequiredService<IAuditTrail>();
            await trail.AppendAsync(SampleEvents.Read(1) with { Reason = "stated reason" });
            await host.StopAsync();
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        RaspAuditCommand.Run(new[] { "verify", _trail.Path, "--key", Convert.ToBase64String(TrailDirectory.CheckpointKey) }, output, error);
        RaspAuditCommand.Run(new[] { "export-fhir", _trail.Path }, output, error);
        RaspAuditCommand.Run(
            new[] { "verify", _trail.Path, "--key", Convert.ToBase64String(TrailDirectory.CheckpointKey)[..20] },
            output,
            error);
        var trailBytes = File.ReadAllBytes(_trail.FirstSegment);
        var everything = Encoding.UTF8.GetString(trailBytes) + _logs.AllText() + output + error;

        Assert.Contains("intact:", output.ToString(), StringComparison.Ordinal);
        foreach (var key in new[] { TrailDirectory.PseudonymKey, TrailDirectory.CheckpointKey })
        {
            Assert.DoesNotContain(Convert.ToBase64String(key), everything, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(key)[..16], everything, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexString(key), everything, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(-1, trailBytes.AsSpan().IndexOf(key));
        }
    }

    [Fact]
    public async Task A_host_without_keys_refuses_to_start_and_names_the_missing_setting()
    {
        using var host = BuildHost(new Dictionary<string, string?>());

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Equal(
            "The audit trail has no PseudonymKey: set AuditTrailOptions.PseudonymKey from a secret store, or set UseDataProtection.",
            failure.Message);
    }

    [Fact]
    public async Task A_malformed_checkpoint_key_is_refused_without_echoing_it()
    {
        var settings = ConfiguredKeys();
        settings["Rasp:Audit:CheckpointKey"] = "c2hvcnQtc2VjcmV0LXZhbHVl";
        using var host = BuildHost(settings);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Equal("AuditTrailOptions.CheckpointKey must be base64 of at least 32 bytes.", failure.Message);
        Assert.DoesNotContain("c2hvcnQtc2VjcmV0LXZhbHVl", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_data_protection_the_keys_are_generated_once_kept_protected_and_reused_after_a_restart()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rasp:Audit:Directory"] = _trail.Path,
            ["Rasp:Audit:UseDataProtection"] = "true",
        };
        var dataProtectionKeys = Path.Combine(_trail.Path, "dp-keys");
        for (var run = 0; run < 2; run++)
        {
            using var host = BuildHost(settings, services =>
                services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(dataProtectionKeys)).SetApplicationName("ehr"));
            await host.StartAsync();
            await host.Services.GetRequiredService<IAuditTrail>().AppendAsync(SampleEvents.Read(1));
            await host.StopAsync();
        }

        var lines = _trail.Lines();
        var keyFile = File.ReadAllText(Path.Combine(_trail.Path, "audit.keys"));
        var result = new AuditVerifier().VerifyDirectory(_trail.Path);

        Assert.Equal(4, lines.Count);
        Assert.Equal(PatientOf(lines[0]), PatientOf(lines[2]));
        Assert.StartsWith("1:", PatientOf(lines[0]), StringComparison.Ordinal);
        Assert.DoesNotContain("Pseudonym", keyFile, StringComparison.Ordinal);
        Assert.Equal(AuditVerificationStatus.Intact, result.Status);
        Assert.Equal(2, result.CheckpointsUnchecked);
    }

    private static string PatientOf(string line)
    {
        var at = line.IndexOf("\"patient\":\"", StringComparison.Ordinal) + 11;
        return line[at..line.IndexOf('"', at)];
    }

    private Dictionary<string, string?> ConfiguredKeys() => new()
    {
        ["Rasp:Audit:Directory"] = _trail.Path,
        ["Rasp:Audit:PseudonymKey"] = Convert.ToBase64String(TrailDirectory.PseudonymKey),
        ["Rasp:Audit:PseudonymKeyId"] = "3",
        ["Rasp:Audit:CheckpointKey"] = Convert.ToBase64String(TrailDirectory.CheckpointKey),
        ["Rasp:Audit:CheckpointKeyId"] = TrailDirectory.KeyId,
    };

    private IHost BuildHost(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(_logs);
        builder.Services.AddRaspAudit(builder.Configuration.GetSection("Rasp:Audit"));
        builder.Services.AddRaspAuditLoggerSink();
        more?.Invoke(builder.Services);
        return builder.Build();
    }
}
