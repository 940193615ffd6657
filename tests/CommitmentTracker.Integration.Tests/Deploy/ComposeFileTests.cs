using YamlDotNet.RepresentationModel;

namespace CommitmentTracker.Integration.Tests.Deploy;

/// <summary>
/// Guards the container deployment files at the repository root: docker-compose.yml and
/// deploy/Dockerfile. Nothing is run; the files are parsed and checked for the wiring the
/// deployment relies on.
/// </summary>
public sealed class ComposeFileTests
{
    private const string PasswordVariable = "${MSSQL_SA_PASSWORD";

    private static readonly Lazy<string> RepoRoot = new(FindRepoRoot);

    [Fact]
    public void Compose_defines_sqlserver_and_app_services()
    {
        var services = Services();

        services.Children.ContainsKey(new YamlScalarNode("sqlserver")).ShouldBeTrue("service 'sqlserver' is missing");
        services.Children.ContainsKey(new YamlScalarNode("app")).ShouldBeTrue("service 'app' is missing");
    }

    [Fact]
    public void App_is_built_from_the_deploy_Dockerfile_with_the_repository_root_as_context()
    {
        var build = Mapping(Service("app"), "build");

        Scalar(build, "dockerfile").ShouldBe("deploy/Dockerfile");
        var context = Scalar(build, "context");
        (context == "." || context == "./").ShouldBeTrue($"build context should be the repository root, was '{context}'");
    }

    [Fact]
    public void App_waits_for_a_healthy_sqlserver()
    {
        var dependsOn = Mapping(Service("app"), "depends_on");
        var sqlServer = Mapping(dependsOn, "sqlserver");

        Scalar(sqlServer, "condition").ShouldBe("service_healthy");
    }

    [Fact]
    public void App_uses_SqlServer_and_points_at_the_sqlserver_service()
    {
        var environment = EnvironmentOf(Service("app"));

        environment.ShouldContainKey("Database__Provider");
        environment["Database__Provider"].ShouldBe("SqlServer");
        environment.ShouldContainKey("ConnectionStrings__CommitmentTracker");
        environment["ConnectionStrings__CommitmentTracker"].ShouldContain("Server=sqlserver", Case.Sensitive);
    }

    [Fact]
    public void No_literal_password_is_committed()
    {
        var checkedValues = 0;

        foreach (var (serviceName, service) in ServiceMappings())
        {
            foreach (var (key, value) in EnvironmentOf(service))
            {
                if (key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase))
                {
                    value.ShouldStartWith("${", Case.Sensitive, $"{serviceName}: {key} must come from the environment");
                    checkedValues++;
                }

                foreach (var part in value.Split(';'))
                {
                    var separator = part.IndexOf('=', StringComparison.Ordinal);
                    if (separator < 0)
                    {
                        continue;
                    }

                    var name = part[..separator].Trim();
                    if (name.Equals("Password", StringComparison.OrdinalIgnoreCase) ||
                        name.Equals("Pwd", StringComparison.OrdinalIgnoreCase))
                    {
                        part[(separator + 1)..].ShouldStartWith(PasswordVariable, Case.Sensitive, $"{serviceName}: {key} must take its password from the environment");
                        checkedValues++;
                    }
                }
            }
        }

        checkedValues.ShouldBeGreaterThanOrEqualTo(3, "expected the SA password, the app connection-string password and the first administrator's password");
    }

    [Fact]
    public void Both_services_have_healthchecks()
    {
        foreach (var name in new[] { "sqlserver", "app" })
        {
            var healthcheck = Mapping(Service(name), "healthcheck");
            healthcheck.Children.ContainsKey(new YamlScalarNode("test")).ShouldBeTrue($"{name} healthcheck has no test");
        }
    }

    [Fact]
    public void App_healthcheck_probes_the_readiness_endpoint()
    {
        var test = Mapping(Service("app"), "healthcheck").Children[new YamlScalarNode("test")];

        Flatten(test).ShouldContain("/health/ready", Case.Sensitive);
    }

    [Fact]
    public void Sqlserver_data_is_kept_in_a_named_volume()
    {
        var root = Root();
        var namedVolumes = root.Children.TryGetValue(new YamlScalarNode("volumes"), out var volumesNode) && volumesNode is YamlMappingNode volumesMapping
            ? volumesMapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

        IList<YamlNode> mounts = Service("sqlserver").Children.TryGetValue(new YamlScalarNode("volumes"), out var mountsNode) && mountsNode is YamlSequenceNode mountsSequence
            ? mountsSequence.Children
            : [];

        var mountedNamedVolume = false;
        foreach (var mount in mounts)
        {
            string? source = null;
            string? target = null;
            if (mount is YamlScalarNode shortSyntax && shortSyntax.Value is { } text)
            {
                var parts = text.Split(':');
                if (parts.Length >= 2)
                {
                    source = parts[0];
                    target = parts[1];
                }
            }
            else if (mount is YamlMappingNode longSyntax)
            {
                source = ScalarOrNull(longSyntax, "source");
                target = ScalarOrNull(longSyntax, "target");
            }

            if (source is not null && target == "/var/opt/mssql" && namedVolumes.Contains(source))
            {
                mountedNamedVolume = true;
            }
        }

        mountedNamedVolume.ShouldBeTrue("sqlserver must mount a named volume (declared under top-level 'volumes') at /var/opt/mssql");
    }

    [Fact]
    public void Dockerfile_publishes_the_Host_project()
    {
        var dockerfile = Path.Combine(RepoRoot.Value, "deploy", "Dockerfile");
        File.Exists(dockerfile).ShouldBeTrue("deploy/Dockerfile is missing");

        var publishLines = File.ReadAllLines(dockerfile)
            .Where(line => line.Contains("dotnet publish", StringComparison.Ordinal))
            .ToList();

        publishLines.ShouldNotBeEmpty("deploy/Dockerfile never runs dotnet publish");
        publishLines.ShouldContain(line => line.Contains("src/CommitmentTracker.Host", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_copies_every_project_the_host_is_built_from_before_restore()
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Value, "deploy", "Dockerfile"));
        // The image holds the Host and what it references; the Aspire AppHost, which starts the Host from outside, is not in it.
        var projects = ProjectClosure(Path.Combine(RepoRoot.Value, "src", "CommitmentTracker.Host", "CommitmentTracker.Host.csproj"))
            .Select(path => Path.GetRelativePath(RepoRoot.Value, path).Replace('\\', '/'))
            .ToList();

        projects.Count.ShouldBeGreaterThan(5);
        foreach (var project in projects)
        {
            text.ShouldContain(project, Case.Sensitive, $"deploy/Dockerfile must COPY {project} before 'dotnet restore'");
        }
    }

    private static HashSet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }

            foreach (var reference in System.Xml.Linq.XDocument.Load(next).Descendants("ProjectReference"))
            {
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, reference.Attribute("Include")!.Value.Replace('\\', '/'))));
            }
        }

        return found;
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CommitmentTracker.sln")))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException($"CommitmentTracker.sln not found above {AppContext.BaseDirectory}");
    }

    private static YamlMappingNode Root()
    {
        var path = Path.Combine(RepoRoot.Value, "docker-compose.yml");
        File.Exists(path).ShouldBeTrue("docker-compose.yml is missing at the repository root");

        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        stream.Documents.Count.ShouldBe(1);
        var root = stream.Documents[0].RootNode as YamlMappingNode;
        root.ShouldNotBeNull("docker-compose.yml must be a mapping");
        return root;
    }

    private static YamlMappingNode Services() => Mapping(Root(), "services");

    private static YamlMappingNode Service(string name) => Mapping(Services(), name);

    private static IEnumerable<(string Name, YamlMappingNode Service)> ServiceMappings()
    {
        foreach (var entry in Services().Children)
        {
            if (entry.Key is YamlScalarNode key && entry.Value is YamlMappingNode service)
            {
                yield return (key.Value ?? string.Empty, service);
            }
        }
    }

    private static YamlMappingNode Mapping(YamlMappingNode parent, string key)
    {
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node).ShouldBeTrue($"'{key}' is missing");
        var mapping = node as YamlMappingNode;
        mapping.ShouldNotBeNull($"'{key}' must be a mapping");
        return mapping;
    }

    private static string? ScalarOrNull(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar
            ? scalar.Value
            : null;

    private static string Scalar(YamlMappingNode parent, string key)
    {
        var value = ScalarOrNull(parent, key);
        value.ShouldNotBeNull($"'{key}' must be a scalar value");
        return value;
    }

    /// <summary>A service's environment, in either the mapping or the list ("KEY=value") form.</summary>
    private static Dictionary<string, string> EnvironmentOf(YamlMappingNode service)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!service.Children.TryGetValue(new YamlScalarNode("environment"), out var node))
        {
            return result;
        }

        if (node is YamlMappingNode mapping)
        {
            foreach (var entry in mapping.Children)
            {
                if (entry.Key is YamlScalarNode key && key.Value is { } name)
                {
                    result[name] = (entry.Value as YamlScalarNode)?.Value ?? string.Empty;
                }
            }
        }
        else if (node is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children.OfType<YamlScalarNode>())
            {
                var text = item.Value ?? string.Empty;
                var separator = text.IndexOf('=', StringComparison.Ordinal);
                if (separator < 0)
                {
                    result[text] = string.Empty;
                }
                else
                {
                    result[text[..separator]] = text[(separator + 1)..];
                }
            }
        }

        return result;
    }

    private static string Flatten(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlSequenceNode sequence => string.Join(' ', sequence.Children.Select(Flatten)),
        _ => string.Empty,
    };
}
