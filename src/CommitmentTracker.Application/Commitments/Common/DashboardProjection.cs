using CommitmentTracker.Domain.Commitments;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Common;

/// <summary>
/// One row of the dashboard projection: how much one figure (a status, a kind, a party…) changed on one day, or over
/// one whole month. A figure as of day D is the sum of the months before D's month plus the days of D's month up to D,
/// so the dashboard reads a few thousand small rows whatever the number of commitments (decision 0022). Rows are
/// written in the same transaction as the change that moves them and are never read alone.
/// </summary>
public sealed class DashboardCount
{
    public const int MaxFigureLength = 16;
    public const int MaxItemLength = 40;

    public DashboardCount(string figure, string item, bool wholeMonth, DateOnly day, int change)
    {
        Figure = figure;
        Item = item;
        WholeMonth = wholeMonth;
        Day = day;
        Change = change;
    }

    /// <summary>Which figure: one of <see cref="DashboardFigure"/>.</summary>
    public string Figure { get; private set; }

    /// <summary>Which bar of the figure: a status or kind name, a party id; empty for a single number.</summary>
    public string Item { get; private set; }

    /// <summary>True: the change over the month starting on <see cref="Day"/>; false: the change on <see cref="Day"/>.</summary>
    public bool WholeMonth { get; private set; }

    public DateOnly Day { get; private set; }

    public int Change { get; private set; }
}

/// <summary>Totals read from the projection without counting commitments.</summary>
public static class DashboardTotals
{
    /// <summary>
    /// Every commitment, whatever its status: the sum of the status figure's month rows. Each change is written once as
    /// a day row and once as a month row, so summing both (as the list once did) gave twice the number.
    /// </summary>
    public static Task<int> CommitmentCountAsync(this IQueryable<DashboardCount> counts, CancellationToken cancellationToken)
    {
        var wholeMonths = true; // a parameter, not a bare boolean: see GetSummaryHandler
        return counts.Where(c => c.Figure == DashboardFigure.Status && c.WholeMonth == wholeMonths).SumAsync(c => c.Change, cancellationToken);
    }

    /// <summary>
    /// The commitments overdue at the end of <paramref name="asOf"/> (the overdue rule, <see cref="OverdueRule"/>): the
    /// overdue figure's month rows before that month and its day rows of that month, without counting commitments.
    /// </summary>
    public static Task<int> OverdueCountAsync(this IQueryable<DashboardCount> counts, DateOnly asOf, CancellationToken cancellationToken)
    {
        var month = new DateOnly(asOf.Year, asOf.Month, 1);
        bool wholeMonths = true, days = false; // parameters, not bare booleans: see GetSummaryHandler
        return counts
            .Where(c => c.Figure == DashboardFigure.Overdue && ((c.WholeMonth == wholeMonths && c.Day < month) || (c.WholeMonth == days && c.Day >= month && c.Day <= asOf)))
            .SumAsync(c => c.Change, cancellationToken);
    }
}

/// <summary>The figures the projection keeps; each is a count that changes on given days.</summary>
public static class DashboardFigure
{
    /// <summary>Commitments by status at the end of the day.</summary>
    public const string Status = "Status";

    /// <summary>Commitments captured by the day, by kind.</summary>
    public const string Kind = "Kind";

    /// <summary>Responsibilities (any role) of commitments captured by the day, by party id.</summary>
    public const string Party = "Party";

    /// <summary>Counterpart responsibilities of commitments captured by the day, by party id.</summary>
    public const string Counterpart = "Counterpart";

    /// <summary>Open commitments whose due window closed before the day: the overdue rule (<see cref="OverdueRule"/>).</summary>
    public const string Overdue = "Overdue";

    /// <summary>Open commitments whose due window closes on or before the day + 30.</summary>
    public const string DueBy30 = "DueBy30";

    /// <summary>Open commitments whose due window closes on or before the day + 90.</summary>
    public const string DueBy90 = "DueBy90";

    /// <summary>Open commitments with a due phrase but no latest day.</summary>
    public const string OpenEnded = "OpenEnded";
}

/// <summary>What the projection needs to know about one commitment: its terms as they now are and its status log.</summary>
public sealed record DashboardSubject(
    CommitmentKind Kind,
    string? DuePhrase,
    DateOnly? DueLatest,
    IReadOnlyList<(Guid PartyId, ResponsibilityRole Role)> Responsibilities,
    IReadOnlyList<(int Sequence, DateOnly Day, LifecycleStatus Status)> Log)
{
    /// <summary>
    /// The day an entry counts from on the dashboard. One place, so the projection, its rebuild and the full recount
    /// agree on it: the day the entry took effect (as <see cref="AsOfDay.InEffectOn"/> reads it).
    /// </summary>
    public static DateOnly DayOf(StatusEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.EffectiveOn;
    }

    public static DashboardSubject Of(Commitment commitment, IEnumerable<Responsibility> responsibilities, IEnumerable<StatusEntry> log)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return new DashboardSubject(
            commitment.Kind,
            commitment.DuePhrase,
            commitment.DueLatest,
            [.. responsibilities.Select(r => (r.PartyId, r.Role))],
            [.. log.Select(e => (e.Sequence, DayOf(e), e.Status))]);
    }
}

/// <summary>
/// A commitment's part in every dashboard figure, as (figure, item, day, ±1) changes. The projection holds the sum of
/// every commitment's part; a save replaces the part of each commitment it touches (new part minus old part), so
/// captures, status entries (even ones that take effect before later ones) and revised terms all keep it exact.
/// </summary>
public static class DashboardContribution
{
    public static IEnumerable<(string Figure, string Item, DateOnly Day, int Change)> Of(DashboardSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Log.Count == 0)
        {
            yield break;
        }

        // The status at the end of each day that has entries: the last entry of that day (by sequence).
        var days = subject.Log
            .GroupBy(e => e.Day)
            .OrderBy(g => g.Key)
            .Select(g => (Day: g.Key, Status: g.MaxBy(e => e.Sequence).Status))
            .ToList();

        var captured = days[0].Day;
        yield return (DashboardFigure.Kind, subject.Kind.ToString(), captured, 1);
        foreach (var (partyId, role) in subject.Responsibilities)
        {
            var party = partyId.ToString("D");
            yield return (DashboardFigure.Party, party, captured, 1);
            if (role == ResponsibilityRole.Counterpart)
            {
                yield return (DashboardFigure.Counterpart, party, captured, 1);
            }
        }

        LifecycleStatus? previous = null;
        foreach (var (day, status) in days)
        {
            if (previous == status)
            {
                continue;
            }

            if (previous is { } before)
            {
                yield return (DashboardFigure.Status, before.ToString(), day, -1);
            }

            yield return (DashboardFigure.Status, status.ToString(), day, 1);

            var wasOpen = previous is { } p && !Lifecycle.IsClosed(p);
            var isOpen = !Lifecycle.IsClosed(status);
            if (wasOpen != isOpen)
            {
                foreach (var change in OpenChanged(subject, day, isOpen ? 1 : -1))
                {
                    yield return change;
                }
            }

            previous = status;
        }
    }

    // Open from (or closed on) day e. "Open on D with the window closing before D + h" holds for D ≥ e and D ≥ latest − h,
    // so each such figure changes on one day: max(e, latest − h). Overdue is h = −1 (latest < D, the overdue rule);
    // "due within 30 days" is DueBy30 − Overdue (D ≤ latest ≤ D + 30), and likewise for 90.
    private static IEnumerable<(string, string, DateOnly, int)> OpenChanged(DashboardSubject subject, DateOnly e, int change)
    {
        if (subject.DueLatest is { } latest)
        {
            // A window that ends on the calendar's last day is never overdue: there is no day after it.
            if (latest < DateOnly.MaxValue)
            {
                yield return (DashboardFigure.Overdue, string.Empty, Later(e, latest.AddDays(1)), change);
            }

            yield return (DashboardFigure.DueBy30, string.Empty, Later(e, DaysBefore(latest, 30)), change);
            yield return (DashboardFigure.DueBy90, string.Empty, Later(e, DaysBefore(latest, 90)), change);
        }
        else if (subject.DuePhrase is not null)
        {
            yield return (DashboardFigure.OpenEnded, string.Empty, e, change);
        }
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly DaysBefore(DateOnly day, int days) =>
        day.DayNumber >= days ? day.AddDays(-days) : DateOnly.MinValue;

    /// <summary>
    /// Sums changes into the rows the projection stores: one per (figure, item, day) and one per (figure, item, month),
    /// dropping those that cancel out.
    /// </summary>
    public static List<DashboardCount> ToRows(IEnumerable<(string Figure, string Item, DateOnly Day, int Change)> changes)
    {
        var sums = new Dictionary<(string, string, bool, DateOnly), int>();
        foreach (var (figure, item, day, change) in changes)
        {
            Add((figure, item, false, day), change);
            Add((figure, item, true, new DateOnly(day.Year, day.Month, 1)), change);
        }

        return [.. sums.Where(s => s.Value != 0).Select(s => new DashboardCount(s.Key.Item1, s.Key.Item2, s.Key.Item3, s.Key.Item4, s.Value))];

        void Add((string, string, bool, DateOnly) key, int change) => sums[key] = sums.GetValueOrDefault(key) + change;
    }
}
