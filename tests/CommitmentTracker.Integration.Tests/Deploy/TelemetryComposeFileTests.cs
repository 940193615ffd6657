using static CommitmentTracker.Integration.Tests.Deploy.ComposeFile;

namespace CommitmentTracker.Integration.Tests.Deploy;

/// <summary>Guards compose.telemetry.yml (the Aspire dashboard beside the app): parsed and checked, not run.</summary>
public sealed class TelemetryComposeFileTests
{
    [Fact]
    public void The_app_sends_otlp_to_the_dashboards_grpc_receiver()
    {
        var services = Section(Load("compose.telemetry.yml"), "services");
        var dashboard = Section(services, "aspire-dashboard");
        var app = Section(services, "app");

        Value(dashboard, "image").ShouldStartWith("mcr.microsoft.com/dotnet/aspire-dashboard:");
        var environment = Section(app, "environment");
        Value(environment, "Telemetry__Otlp__Endpoint").ShouldBe("http://aspire-dashboard:18889");
        Value(environment, "Telemetry__Otlp__Protocol").ShouldBe("grpc");
        Section(Section(app, "depends_on"), "aspire-dashboard").ShouldNotBeNull();
    }

    [Fact]
    public void It_overrides_the_sql_server_file_rather_than_defining_a_second_app()
    {
        var app = Section(Section(Load("compose.telemetry.yml"), "services"), "app");

        app.Children.Keys.Select(k => k.ToString()).ShouldBe(["depends_on", "environment"], ignoreOrder: true);
        Section(Section(Load("docker-compose.yml"), "services"), "app").Children.Keys.Select(k => k.ToString()).ShouldContain("build");
    }
}
