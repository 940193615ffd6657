using System.Reflection;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>The repository's own folders, found from the test binaries, and the build configuration they were built with.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>TestResults/ at the repository root (ignored by git; .ci/run writes its TRX files there too).</summary>
    public static string TestResults => Path.Combine(Root, "TestResults");

    /// <summary>Debug or Release: the configuration this test assembly (and so the Host next to it) was built with.</summary>
    public static string Configuration { get; } =
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value
        ?? throw new InvalidOperationException("The test assembly has no AssemblyMetadata(\"Configuration\"); see the csproj.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommitmentTracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CommitmentTracker.sln not found above " + AppContext.BaseDirectory);
    }
}
