using System.Globalization;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Web.Components.Shared;

namespace CommitmentTracker.Web.Components.Pages;

/// <summary>
/// Which dashboard figures moved between two countings of the same day, in words ("Overdue 3 → 4"), for the note a
/// live dashboard shows when a change made elsewhere moved them: the person sees what changed, not only that
/// something did. The cards first, then the statuses, in the order the page shows them.
/// </summary>
public static class FigureChanges
{
    public static IReadOnlyList<string> Between(SummaryDto before, SummaryDto after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        void Compare(string label, int was, int now)
        {
            if (was != now)
            {
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {was:N0} → {now:N0}"));
            }
        }

        Compare("Commitments", before.Total, after.Total);
        Compare("Open", before.Open, after.Open);
        Compare("Overdue", before.Overdue, after.Overdue);
        Compare("Due in 30 days", before.DueWithin30Days, after.DueWithin30Days);
        Compare("Due in 90 days", before.DueWithin90Days, after.DueWithin90Days);
        Compare("Open-ended", before.OpenEnded, after.OpenEnded);

        var was = before.ByStatus.ToDictionary(s => s.Status, s => s.Count);
        var now = after.ByStatus.ToDictionary(s => s.Status, s => s.Count);
        foreach (var status in was.Keys.Union(now.Keys).Order())
        {
            Compare(StatusChip.Humanised(status), was.GetValueOrDefault(status), now.GetValueOrDefault(status));
        }

        return changes;
    }
}
