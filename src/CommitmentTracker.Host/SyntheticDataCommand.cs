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

    /// <summary>
    /// The request the command line asks for, read before the database is touched; null, after saying on standard
    /// error what is wrong, when a number is not one or is too small.
    /// </summary>
    public static SyntheticDataRequest? Read(IConfiguration configuration)
    {
        var errors = new List<string>();
        var commitments = Number(configuration, "commitments", 100_000, least: 0, errors);
        var request = new SyntheticDataRequest(
            Meetings: Number(configuration, "meetings", Math.Max(1, commitments / 100), least: 1, errors),
            Commitments: commitments,
            Seed: Number(configuration, "seed", 42, least: 0, errors),
            BatchSize: Number(configuration, "batch", 5_000, least: 1, errors));
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error);
        }

        return errors.Count == 0 ? request : null;
    }

    public static async Task<int> RunAsync(IServiceProvider services, SyntheticDataRequest request)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var report = await scope.ServiceProvider.GetRequiredService<SyntheticDataGenerator>().GenerateAsync(request, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {report.Meetings:N0} meetings, {report.Commitments:N0} commitments and {report.StatusEntries:N0} status entries in {report.Elapsed.TotalSeconds:F1} s ({report.Commitments / Math.Max(report.Elapsed.TotalSeconds, 0.001):N0} commitments/s)."));
        return 0;
    }

    private static int Number(IConfiguration configuration, string key, int fallback, int least, List<string> errors)
    {
        if (configuration[key] is not { } text)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= least)
        {
            return n;
        }

        errors.Add(string.Create(CultureInfo.InvariantCulture, $"--{key} must be a whole number of at least {least}, not '{text}'."));
        return fallback;
    }
}
