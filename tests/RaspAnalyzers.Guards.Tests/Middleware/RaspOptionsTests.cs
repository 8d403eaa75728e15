using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace RaspAnalyzers.Guards.Tests;

public sealed class RaspOptionsTests
{
    [Fact]
    public async Task Invalid_configuration_stops_start_up_naming_each_key()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rasp:Path:AllowedRoots:0"] = "relative/documents",
            ["Rasp:Ssrf:AllowedNetworks:0"] = "10.0.0.0/99",
            ["Rasp:Ssrf:AllowedHosts:0"] = "https://fhir.example.org",
            ["Rasp:Capture:MaxValues"] = "0",
        };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => GuardedClinicApp.StartAsync(settings));

        Assert.Equal(
            new[]
            {
                "Rasp:Path:AllowedRoots:0 must be an absolute directory, such as /srv/ehr/documents.",
                "Rasp:Ssrf:AllowedHosts:0 must be a bare host name such as fhir.example.org or *.example.org, without scheme, port or path.",
                "Rasp:Ssrf:AllowedNetworks:0 must be an IP address or a CIDR range such as 10.20.0.0/16.",
                "Rasp:Capture:MaxValues must be between 1 and 10000; it is 0.",
            },
            failure.Failures);
    }

    [Fact]
    public void Defaults_monitor_every_class_and_fail_open()
    {
        var options = new RaspOptions();

        Assert.Equal(
            (GuardMode.Monitor, GuardMode.Monitor, GuardMode.Monitor, GuardMode.Monitor, GuardFailureMode.FailOpen, RequestPart.All, 65536),
            (options.Sql.Mode, options.Path.Mode, options.Command.Mode, options.Ssrf.Mode, options.FailureMode, options.Capture.Parts,
                options.Capture.MaxBodyBytes));
        Assert.True(new RaspOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Off_mode_skips_the_detector_entirely()
    {
        using var standalone = new StandaloneGuard(o => o.Sql.Mode = GuardMode.Off);
        var values = new UntrustedValues();
        values.Add(RequestPart.Query, "id", "1 OR 1=1");

        using (RaspRequestScope.Begin(values))
        {
            standalone.Guard.CheckSql("SELECT * FROM p WHERE id = 1 OR 1=1", SqlDialect.Sqlite);
        }

        Assert.Empty(standalone.Sink.Decisions);
    }
}
