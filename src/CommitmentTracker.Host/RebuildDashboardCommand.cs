using System.Diagnostics;
using System.Globalization;
using CommitmentTracker.Infrastructure;
using CommitmentTracker.Infrastructure.Persistence;

namespace CommitmentTracker.Host;

/// <summary>
/// <c>dotnet run --project src/CommitmentTracker.Host -- rebuild-dashboard</c>: recomputes the dashboard projection
/// from every commitment and its status log in one transaction, then exits (decision 0022). Safe to run at any time;
/// the dashboard shows the old figures until the new ones commit.
/// </summary>
internal static class RebuildDashboardCommand
{
    private const string Verb = "rebuild-dashboard";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        var started = Stopwatch.StartNew();
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var commitments = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RebuildDashboardAsync(CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Dashboard projection rebuilt from {commitments:N0} commitments in {started.Elapsed.TotalSeconds:F1} s."));
        return 0;
    }
}
