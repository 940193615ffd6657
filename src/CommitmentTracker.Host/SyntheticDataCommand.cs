using System.Globalization;
using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Synthetic;

namespace CommitmentTracker.Host;

/// <summary>
/// <c>dotnet run --project src/CommitmentTracker.Host -- generate-synthetic --commitments 1000000 --meetings 10000 --seed 42</c>:
/// fills the configured database with synthetic data for scale work, then exits.
/// </summary>
internal static class SyntheticDataCommand
{
    private const string Verb = "generate-synthetic";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration)
    {
        var commitments = Number(configuration, "commitments", 100_000);
        var request = new SyntheticDataRequest(
            Meetings: Number(configuration, "meetings", Math.Max(1, commitments / 100)),
            Commitments: commitments,
            Seed: Number(configuration, "seed", 42),
            BatchSize: Number(configuration, "batch", 5_000));

        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var report = await scope.ServiceProvider.GetRequiredService<SyntheticDataGenerator>().GenerateAsync(request, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {report.Meetings:N0} meetings, {report.Commitments:N0} commitments and {report.StatusEntries:N0} status entries in {report.Elapsed.TotalSeconds:F1} s ({report.Commitments / Math.Max(report.Elapsed.TotalSeconds, 0.001):N0} commitments/s)."));
        return 0;
    }

    private static int Number(IConfiguration configuration, string key, int fallback) =>
        configuration[key] is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new ArgumentException($"--{key} must be a whole number, not '{text}'.")
            : fallback;
}
