using System.Globalization;
using CommitmentTracker.Application.Commitments.Common;

namespace CommitmentTracker.Web.Components.Pages;

/// <summary>
/// What a change made elsewhere did to the grid page a person is looking at, between two loads of the same view: the
/// rows whose commitment changed (a newer version), the rows that came onto the page or left it, and the count that
/// matches the filters. The live grid names these in its note and marks the rows, so the person sees what moved, not
/// only that something did.
/// </summary>
public sealed record GridPageChange(IReadOnlyList<string> Changed, IReadOnlyList<string> Arrived, IReadOnlyList<string> Left, int CountBefore, int CountAfter)
{
    // Enough codes to find them on a page; more would make the note a list.
    private const int CodesNamed = 5;

    public static GridPageChange Between(IReadOnlyList<CommitmentSummaryDto> before, int countBefore, IReadOnlyList<CommitmentSummaryDto> after, int countAfter)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var was = before.ToDictionary(r => r.Code, r => r.Version);
        var now = after.Select(r => r.Code).ToHashSet();
        return new(
            [.. after.Where(r => was.TryGetValue(r.Code, out var version) && version != r.Version).Select(r => r.Code)],
            [.. after.Where(r => !was.ContainsKey(r.Code)).Select(r => r.Code)],
            [.. before.Where(r => !now.Contains(r.Code)).Select(r => r.Code)],
            countBefore,
            countAfter);
    }

    /// <summary>Nothing the person can see moved: the page refreshes without a note.</summary>
    public bool IsEmpty => Changed.Count == 0 && Arrived.Count == 0 && Left.Count == 0 && CountBefore == CountAfter;

    /// <summary>The rows shown that are new or newer than before.</summary>
    public IReadOnlySet<string> Codes => Changed.Concat(Arrived).ToHashSet();

    /// <summary>In words, e.g. "2 commitments changed (MTG-1, MTG-4); 1 left this page (MTG-7); 41 → 40 match".</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Changed.Count > 0)
        {
            parts.Add($"{Commitments(Changed.Count)} changed ({Named(Changed)})");
        }

        if (Arrived.Count > 0)
        {
            parts.Add($"{Commitments(Arrived.Count)} came onto this page ({Named(Arrived)})");
        }

        if (Left.Count > 0)
        {
            parts.Add($"{Commitments(Left.Count)} left this page ({Named(Left)})");
        }

        if (CountBefore != CountAfter)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{CountBefore:N0} → {CountAfter:N0} match the filters"));
        }

        return string.Join("; ", parts);
    }

    private static string Commitments(int count) => count == 1 ? "1 commitment" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} commitments");

    private static string Named(IReadOnlyList<string> codes) =>
        codes.Count <= CodesNamed ? string.Join(", ", codes) : $"{string.Join(", ", codes.Take(CodesNamed))} and {codes.Count - CodesNamed} more";
}
