using Xunit;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCaseOrderer(typeof(CommitmentTracker.Testing.ShuffledOrder))]
[assembly: TestCollectionOrderer(typeof(CommitmentTracker.Testing.ShuffledOrder))]

namespace CommitmentTracker.Testing;

/// <summary>
/// Runs test collections, and the test cases inside each, in an order shuffled by the seed in the
/// <c>XUNIT_SHUFFLE_SEED</c> environment variable. A test that passes only after another one ran (or only
/// alone) fails under some seed, and the same seed replays that order exactly. Without the variable the
/// order is xUnit's own, so ordinary runs behave as before. <c>.ci/shuffle</c> picks and prints the seeds.
/// </summary>
public sealed class ShuffledOrder : ITestCaseOrderer, ITestCollectionOrderer
{
    public const string SeedVariable = "XUNIT_SHUFFLE_SEED";

    private static readonly int? Seed =
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var seed) ? seed : null;

    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        Seed is { } s ? Shuffle(testCases, t => t.UniqueID, s) : DefaultTestCaseOrderer.Instance.OrderTestCases(testCases);

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        Seed is { } s ? Shuffle(testCollections, c => c.UniqueID, s) : DefaultTestCollectionOrderer.Instance.OrderTestCollections(testCollections);

    // Sort by a stable key first: the runner hands the items over in an order of its own, and the same seed
    // must give the same order every time.
    internal static List<T> Shuffle<T>(IEnumerable<T> items, Func<T, string> key, int seed)
    {
        var list = items.OrderBy(key, StringComparer.Ordinal).ToList();
        var random = new Random(unchecked(seed ^ StableHash(list.Count == 0 ? string.Empty : key(list[0]))));
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    // string.GetHashCode differs from process to process; FNV-1a does not, so a seed replays across runs.
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return unchecked((int)hash);
    }
}
