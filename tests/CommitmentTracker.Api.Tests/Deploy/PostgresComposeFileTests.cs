using CommitmentTracker.Api.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace CommitmentTracker.Api.Tests.Deploy;

/// <summary>Guards compose.postgres.yml (PostgreSQL + the app): parsed and checked for its wiring, not run.</summary>
public sealed class PostgresComposeFileTests
{
    [Fact]
    public void The_app_waits_for_a_healthy_postgres_and_uses_it()
    {
        var services = Mapping(Root(), "services");
        var postgres = Mapping(services, "postgres");
        var app = Mapping(services, "app");

        Mapping(postgres, "healthcheck").Children.ShouldContainKey(new YamlScalarNode("test"));
        Scalar(Mapping(Mapping(app, "depends_on"), "postgres"), "condition").ShouldBe("service_healthy");
        var environment = Mapping(app, "environment");
        Scalar(environment, "Database__Provider").ShouldBe("PostgreSql");
        Scalar(environment, "ConnectionStrings__CommitmentTracker").ShouldContain("Host=postgres;", Case.Sensitive);
        Scalar(Mapping(app, "build"), "dockerfile").ShouldBe("deploy/Dockerfile");
    }

    [Fact]
    public void Passwords_come_from_the_environment_and_data_from_a_named_volume()
    {
        var root = Root();
        var services = Mapping(root, "services");
        Scalar(Mapping(Mapping(services, "postgres"), "environment"), "POSTGRES_PASSWORD").ShouldStartWith("${POSTGRES_PASSWORD");
        Scalar(Mapping(Mapping(services, "app"), "environment"), "ConnectionStrings__CommitmentTracker").ShouldEndWith("Password=${POSTGRES_PASSWORD}");
        Scalar(Mapping(Mapping(services, "app"), "environment"), "Bootstrap__AdminPassword").ShouldStartWith("${ADMIN_PASSWORD");

        Mapping(root, "volumes").Children.ShouldContainKey(new YamlScalarNode("postgres-data"));
        var mounts = (YamlSequenceNode)Mapping(services, "postgres").Children[new YamlScalarNode("volumes")];
        mounts.Children.OfType<YamlScalarNode>().Select(m => m.Value).ShouldContain("postgres-data:/var/lib/postgresql/data");
    }

    private static YamlMappingNode Root()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Repository.Root, "compose.postgres.yml")))
        {
            stream.Load(reader);
        }

        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Mapping(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode mapping
            ? mapping
            : throw new ShouldAssertException($"'{key}' is missing or not a mapping");

    private static string Scalar(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value }
            ? value
            : throw new ShouldAssertException($"'{key}' is missing or not a scalar");
}
