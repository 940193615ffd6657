using YamlDotNet.RepresentationModel;
using static CommitmentTracker.Integration.Tests.Deploy.ComposeFile;

namespace CommitmentTracker.Integration.Tests.Deploy;

/// <summary>Guards compose.postgres.yml (PostgreSQL + the app): parsed and checked for its wiring, not run.</summary>
public sealed class PostgresComposeFileTests
{
    [Fact]
    public void The_app_waits_for_a_healthy_postgres_and_uses_it()
    {
        var services = Section(Root(), "services");
        var postgres = Section(services, "postgres");
        var app = Section(services, "app");

        Section(postgres, "healthcheck").Children.ShouldContainKey(new YamlScalarNode("test"));
        Value(Section(Section(app, "depends_on"), "postgres"), "condition").ShouldBe("service_healthy");
        var environment = Section(app, "environment");
        Value(environment, "Database__Provider").ShouldBe("PostgreSql");
        Value(environment, "ConnectionStrings__CommitmentTracker").ShouldContain("Host=postgres;", Case.Sensitive);
        Value(Section(app, "build"), "dockerfile").ShouldBe("deploy/Dockerfile");
    }

    [Fact]
    public void Passwords_come_from_the_environment_and_data_from_a_named_volume()
    {
        var root = Root();
        var services = Section(root, "services");
        Value(Section(Section(services, "postgres"), "environment"), "POSTGRES_PASSWORD").ShouldStartWith("${POSTGRES_PASSWORD");
        Value(Section(Section(services, "app"), "environment"), "ConnectionStrings__CommitmentTracker").ShouldEndWith("Password=${POSTGRES_PASSWORD}");
        Value(Section(Section(services, "app"), "environment"), "Bootstrap__AdminPassword").ShouldStartWith("${ADMIN_PASSWORD");

        Section(root, "volumes").Children.ShouldContainKey(new YamlScalarNode("postgres-data"));
        var mounts = (YamlSequenceNode)Section(services, "postgres").Children[new YamlScalarNode("volumes")];
        mounts.Children.OfType<YamlScalarNode>().Select(m => m.Value).ShouldContain("postgres-data:/var/lib/postgresql/data");
    }

    private static YamlMappingNode Root() => ComposeFile.Load("compose.postgres.yml");
}
