using CommitmentTracker.Integration.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace CommitmentTracker.Integration.Tests.Deploy;

/// <summary>A compose file at the repository root, parsed, with lookups that fail naming the missing key.</summary>
public static class ComposeFile
{
    public static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(Repository.Root, name)))
        {
            stream.Load(reader);
        }

        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public static YamlMappingNode Section(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode mapping
            ? mapping
            : throw new ShouldAssertException($"'{key}' is missing or not a mapping");

    public static string Value(YamlMappingNode parent, string key) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value }
            ? value
            : throw new ShouldAssertException($"'{key}' is missing or not a scalar");
}
