using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// One commitment's part in the dashboard figures, read as the projection reads it: the sum of its changes per
/// figure, bar and day. The cases the ledger's own captures do not reach: no log yet, two entries on one day, and
/// windows that close at either end of the calendar.
/// </summary>
public sealed class DashboardContributionTests
{
    private static readonly Guid Party = Guid.Parse("6f1c2a0e-0000-4000-8000-000000000001");

    private static DashboardSubject Subject(DateOnly? dueLatest, params (int Sequence, DateOnly Day, LifecycleStatus Status)[] log) =>
        new(CommitmentKind.Hub, dueLatest is null ? null : "a phrase", dueLatest, [(Party, ResponsibilityRole.Lead)], log);

    private static Dictionary<(string Figure, string Item, DateOnly Day), int> Sums(DashboardSubject subject) =>
        DashboardContribution.Of(subject)
            .GroupBy(c => (c.Figure, c.Item, c.Day))
            .Select(g => (g.Key, Sum: g.Sum(c => c.Change)))
            .Where(g => g.Sum != 0)
            .ToDictionary(g => g.Key, g => g.Sum);

    [Fact]
    public void A_commitment_without_a_status_log_counts_nowhere()
    {
        DashboardContribution.Of(Subject(new DateOnly(2024, 3, 31))).ShouldBeEmpty();
    }

    [Fact]
    public void Of_two_entries_on_one_day_the_later_one_is_the_status_that_day()
    {
        var day = new DateOnly(2024, 1, 10);

        var sums = Sums(Subject(null, (2, day, LifecycleStatus.InProgress), (1, day, LifecycleStatus.Captured)));

        sums.Where(s => s.Key.Figure == DashboardFigure.Status).ShouldBe([new((DashboardFigure.Status, "InProgress", day), 1)]);
    }

    [Fact]
    public void A_window_that_closes_on_the_calendars_last_day_is_never_overdue()
    {
        var day = new DateOnly(2024, 1, 10);

        var sums = Sums(Subject(DateOnly.MaxValue, (1, day, LifecycleStatus.Captured)));

        sums.Keys.Select(k => k.Figure).ShouldNotContain(DashboardFigure.Overdue);
        sums[(DashboardFigure.DueBy30, string.Empty, DateOnly.MaxValue.AddDays(-30))].ShouldBe(1);
        sums[(DashboardFigure.DueBy90, string.Empty, DateOnly.MaxValue.AddDays(-90))].ShouldBe(1);
    }

    [Fact]
    public void A_window_that_closes_in_the_calendars_first_days_is_due_from_the_day_it_opens()
    {
        // 30 and 90 days before 0001-01-10 are before the calendar starts: the figures count from the capture day.
        var captured = DateOnly.MinValue;
        var latest = DateOnly.MinValue.AddDays(9);

        var sums = Sums(Subject(latest, (1, captured, LifecycleStatus.Captured)));

        sums[(DashboardFigure.DueBy30, string.Empty, captured)].ShouldBe(1);
        sums[(DashboardFigure.DueBy90, string.Empty, captured)].ShouldBe(1);
        sums[(DashboardFigure.Overdue, string.Empty, latest.AddDays(1))].ShouldBe(1);
    }
}
