using CommitmentTracker.Application.Commitments.Queries.GetStatusTrend;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// The dashboard's summary (read from the projection the saves keep) and the status trend, as of several days of the
/// scenario, each figure exact; and the projection against <see cref="SummaryRecount"/>, which counts the same from the
/// commitments themselves.
/// </summary>
public sealed class DashboardFigureTests(ScenarioLedger scenario) : IClassFixture<ScenarioLedger>
{
    private readonly TestLedger _ledger = scenario.Ledger;

    // Responsibilities never change in the scenario: BY 002 003 004 (lead) 005 MSK (counterpart); RU-NVS 005 (lead)
    // 001 002 (counterpart); BY-GOV 001 006; RU MSK (lead) 003 (counterpart). Most first, then by key.
    private static readonly (string, string, int)[] ByParty =
        [("BY", "Republic of Belarus", 5), ("RU-NVS", "Novosibirsk Oblast", 3), ("BY-GOV", "Government of Belarus", 2), ("RU", "Russian Federation", 2)];

    private static readonly (string, string, int)[] ByCounterpart =
        [("BY", "Republic of Belarus", 2), ("RU-NVS", "Novosibirsk Oblast", 2), ("RU", "Russian Federation", 1)];

    private static readonly (CommitmentKind, int)[] ByKind =
        [(CommitmentKind.TradeTarget, 1), (CommitmentKind.CulturalEvent, 1), (CommitmentKind.Hub, 1), (CommitmentKind.Instruction, 2), (CommitmentKind.Cooperation, 1), (CommitmentKind.Pledge, 1)];

    private static void ShouldHave(SummaryDto summary, DateOnly asOf, int total, int open, int overdue, int in30, int in90, int openEnded, (LifecycleStatus, int)[] byStatus)
    {
        summary.AsOf.ShouldBe(asOf);
        (summary.Total, summary.Open, summary.Overdue, summary.DueWithin30Days, summary.DueWithin90Days, summary.OpenEnded)
            .ShouldBe((total, open, overdue, in30, in90, openEnded));
        summary.ByStatus.Select(s => (s.Status, s.Count)).ShouldBe(byStatus);
        summary.ByKind.Select(k => (k.Kind, k.Count)).ShouldBe(total == 0 ? [] : ByKind);
        summary.ByParty.Select(p => (p.PartyKey, p.PartyName, p.Count)).ShouldBe(total == 0 ? [] : ByParty);
        summary.ByCounterpart.Select(p => (p.PartyKey, p.PartyName, p.Count)).ShouldBe(total == 0 ? [] : ByCounterpart);
    }

    [Fact]
    public async Task Today_the_figures_count_the_current_statuses()
    {
        // The clock says 2024-02-01: 004 withdrawn and 005 fulfilled are closed; 002 and 006 overdue; nothing open
        // closes within 90 days (005 would, but it is closed), and the one open-ended item (004) is closed.
        var summary = await _ledger.SendAsync(new GetSummaryQuery());

        ShouldHave(summary, Scenario.Today, total: 7, open: 5, overdue: 2, in30: 0, in90: 0, openEnded: 0, [
            (LifecycleStatus.Captured, 2), (LifecycleStatus.Confirmed, 1), (LifecycleStatus.InProgress, 1), (LifecycleStatus.Stalled, 1),
            (LifecycleStatus.Fulfilled, 1), (LifecycleStatus.Withdrawn, 1),
        ]);
    }

    [Fact]
    public async Task A_past_day_counts_the_statuses_in_effect_by_its_end()
    {
        // 2024-01-15: everything captured on the 10th, only 006 had moved (Stalled on the 12th). 005 (2024-03-31) closes
        // within 90 days; 004 is open-ended.
        var day = new DateOnly(2024, 1, 15);
        var summary = await _ledger.SendAsync(new GetSummaryQuery(day));

        ShouldHave(summary, day, total: 7, open: 7, overdue: 2, in30: 0, in90: 1, openEnded: 1, [(LifecycleStatus.Captured, 6), (LifecycleStatus.Stalled, 1)]);
    }

    [Fact]
    public async Task A_later_day_counts_the_windows_that_close_by_then()
    {
        // 2024-11-01: 001 (2024-11-30) closes within 30 days, MSK-2024-001 (2024-12-31) within 90.
        var day = new DateOnly(2024, 11, 1);
        var summary = await _ledger.SendAsync(new GetSummaryQuery(day));

        ShouldHave(summary, day, total: 7, open: 5, overdue: 2, in30: 1, in90: 2, openEnded: 0, [
            (LifecycleStatus.Captured, 2), (LifecycleStatus.Confirmed, 1), (LifecycleStatus.InProgress, 1), (LifecycleStatus.Stalled, 1),
            (LifecycleStatus.Fulfilled, 1), (LifecycleStatus.Withdrawn, 1),
        ]);
    }

    [Theory]
    // Both ends of "within 30 days" are included: from 2024-10-31, 001 (2024-11-30) is 30 days away; from 2024-10-30, 31.
    [InlineData("2024-10-31", 1, 2, 2)]
    [InlineData("2024-10-30", 0, 2, 2)]
    // On the window's last day an item is due within 30 days, not overdue; the day after, overdue (and MSK-2024-001,
    // 2024-12-31, is then within 30 days).
    [InlineData("2024-11-30", 1, 2, 2)]
    [InlineData("2024-12-01", 1, 1, 3)]
    // 90 days before MSK-2024-001's 2024-12-31 is 2024-10-02.
    [InlineData("2024-10-02", 0, 2, 2)]
    [InlineData("2024-10-01", 0, 1, 2)]
    public async Task Due_within_counts_both_ends_of_its_range(string day, int in30, int in90, int overdue)
    {
        var summary = await _ledger.SendAsync(new GetSummaryQuery(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

        (summary.DueWithin30Days, summary.DueWithin90Days, summary.Overdue).ShouldBe((in30, in90, overdue));
    }

    [Fact]
    public async Task Before_anything_was_captured_every_figure_is_zero()
    {
        var day = new DateOnly(2024, 1, 9);
        ShouldHave(await _ledger.SendAsync(new GetSummaryQuery(day)), day, 0, 0, 0, 0, 0, 0, []);
    }

    [Theory]
    [InlineData("2024-01-09")]
    [InlineData("2024-01-10")]
    [InlineData("2024-01-15")]
    [InlineData("2024-01-20")]
    [InlineData("2024-01-31")]
    [InlineData("2024-02-01")]
    [InlineData("2024-10-02")]
    [InlineData("2024-11-30")]
    [InlineData("2024-12-01")]
    [InlineData("2025-01-01")]
    public async Task The_projection_agrees_with_a_recount_of_the_commitments(string day)
    {
        var asOf = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var projected = await _ledger.SendAsync(new GetSummaryQuery(asOf));
        var recounted = await _ledger.WithDbAsync(db => SummaryRecount.CountAsync(db, asOf, Scenario.Today, TestContext.Current.CancellationToken));

        recounted.AsOf.ShouldBe(asOf);
        (recounted.Total, recounted.Open, recounted.Overdue, recounted.DueWithin30Days, recounted.DueWithin90Days, recounted.OpenEnded)
            .ShouldBe((projected.Total, projected.Open, projected.Overdue, projected.DueWithin30Days, projected.DueWithin90Days, projected.OpenEnded));
        recounted.ByStatus.ShouldBe(projected.ByStatus);
        recounted.ByKind.ShouldBe(projected.ByKind);
        recounted.ByParty.ShouldBe(projected.ByParty);
        recounted.ByCounterpart.ShouldBe(projected.ByCounterpart);
    }

    [Fact]
    public async Task The_recount_of_a_past_day_counts_the_open_ended_and_the_parties_of_what_was_captured_by_then()
    {
        var recounted = await _ledger.WithDbAsync(db => SummaryRecount.CountAsync(db, new DateOnly(2024, 1, 15), Scenario.Today, TestContext.Current.CancellationToken));

        ShouldHave(recounted, new DateOnly(2024, 1, 15), total: 7, open: 7, overdue: 2, in30: 0, in90: 1, openEnded: 1, [(LifecycleStatus.Captured, 6), (LifecycleStatus.Stalled, 1)]);
    }

    [Fact]
    public async Task The_trend_counts_each_month_end_and_the_day_itself()
    {
        var trend = await _ledger.SendAsync(new GetStatusTrendQuery(Scenario.Today, 3));

        trend.Select(p => p.Date).ShouldBe([new DateOnly(2023, 12, 31), new DateOnly(2024, 1, 31), Scenario.Today]);
        trend[0].Counts.ShouldBeEmpty();
        // By 2024-01-31: 002 InProgress (20th), 005 Fulfilled (25th), 006 Stalled (12th); 003 and 004 moved on 2024-02-01.
        trend[1].Counts.Select(c => (c.Status, c.Count)).ShouldBe([
            (LifecycleStatus.Captured, 4), (LifecycleStatus.InProgress, 1), (LifecycleStatus.Stalled, 1), (LifecycleStatus.Fulfilled, 1),
        ]);
        trend[2].Counts.Select(c => (c.Status, c.Count)).ShouldBe([
            (LifecycleStatus.Captured, 2), (LifecycleStatus.Confirmed, 1), (LifecycleStatus.InProgress, 1), (LifecycleStatus.Stalled, 1),
            (LifecycleStatus.Fulfilled, 1), (LifecycleStatus.Withdrawn, 1),
        ]);
    }

    [Fact]
    public async Task The_trend_without_a_day_ends_today_and_a_mid_month_day_is_its_own_last_point()
    {
        var today = await _ledger.SendAsync(new GetStatusTrendQuery(Months: 1));
        today.ShouldHaveSingleItem().Date.ShouldBe(Scenario.Today);
        today[0].Counts.Sum(c => c.Count).ShouldBe(7);

        var trend = await _ledger.SendAsync(new GetStatusTrendQuery(new DateOnly(2024, 1, 15), 2));
        trend.Select(p => p.Date).ShouldBe([new DateOnly(2023, 12, 31), new DateOnly(2024, 1, 15)]);
        trend[1].Counts.Select(c => (c.Status, c.Count)).ShouldBe([(LifecycleStatus.Captured, 6), (LifecycleStatus.Stalled, 1)]);
    }

    [Fact]
    public async Task Every_trend_point_counts_what_the_summary_of_its_day_counts()
    {
        var trend = await _ledger.SendAsync(new GetStatusTrendQuery(new DateOnly(2024, 2, 29), 4));

        trend.Select(p => p.Date).ShouldBe([new DateOnly(2023, 11, 30), new DateOnly(2023, 12, 31), new DateOnly(2024, 1, 31), new DateOnly(2024, 2, 29)]);
        foreach (var point in trend)
        {
            var summary = await _ledger.SendAsync(new GetSummaryQuery(point.Date));
            point.Counts.ShouldBe(summary.ByStatus, $"as of {point.Date}");
        }
    }

    [Fact]
    public async Task The_default_trend_has_twelve_month_ends_up_to_today()
    {
        var trend = await _ledger.SendAsync(new GetStatusTrendQuery());

        trend.Count.ShouldBe(12);
        trend[0].Date.ShouldBe(new DateOnly(2023, 3, 31));
        trend[10].Date.ShouldBe(new DateOnly(2024, 1, 31));
        trend[11].Date.ShouldBe(Scenario.Today);
        trend.Take(11).Select(p => p.Counts.Sum(c => c.Count)).ShouldBe([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7]);
    }
}
