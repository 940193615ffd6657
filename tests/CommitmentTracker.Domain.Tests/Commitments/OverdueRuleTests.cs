using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Domain.Tests.Commitments;

/// <summary>The one definition of "overdue", as the filter the queries compose and in memory, and the as-of day.</summary>
public class OverdueRuleTests
{
    private static readonly DateOnly Day = new(2025, 1, 15);

    private sealed record Row(string Code, DateOnly? Latest, LifecycleStatus Status);

    private static readonly Row[] Rows =
    [
        new("closed-yesterday", Day.AddDays(-1), LifecycleStatus.Confirmed),
        new("closes-today", Day, LifecycleStatus.Confirmed),
        new("open-ended", null, LifecycleStatus.Captured),
        new("fulfilled", Day.AddDays(-30), LifecycleStatus.Fulfilled),
        new("stalled", Day.AddDays(-2), LifecycleStatus.Stalled),
    ];

    [Fact]
    public void The_filter_selects_exactly_the_overdue_rows_and_its_complement_the_rest()
    {
        var overdue = OverdueRule.Where<Row>(r => r.Latest, r => r.Status, Day).Compile();
        var notOverdue = OverdueRule.Where<Row>(r => r.Latest, r => r.Status, Day, overdue: false).Compile();

        Rows.Where(overdue).Select(r => r.Code).ShouldBe(["closed-yesterday", "stalled"]);
        Rows.Where(notOverdue).Select(r => r.Code).ShouldBe(["closes-today", "open-ended", "fulfilled"]);
        Rows.Select(r => OverdueRule.Holds(r.Status, r.Latest, Day)).ShouldBe(Rows.Select(overdue));
    }

    /// <summary>
    /// Decision 0147: the due half of the rule keeps every row overdue on the day, whatever its status, and drops only
    /// windows still open on the day or without a latest day.
    /// </summary>
    [Fact]
    public void The_due_half_keeps_every_overdue_row_whatever_its_status_and_only_closed_windows()
    {
        var closed = OverdueRule.DueClosedBefore<Row>(r => r.Latest, Day).Compile();
        var everyStatus = Rows.SelectMany(r => Enum.GetValues<LifecycleStatus>().Select(status => r with { Status = status })).ToList();

        Rows.Where(closed).Select(r => r.Code).ShouldBe(["closed-yesterday", "fulfilled", "stalled"]);
        everyStatus.Where(r => OverdueRule.Holds(r.Status, r.Latest, Day)).ShouldAllBe(r => closed(r));
        everyStatus.Where(r => OverdueRule.Holds(r.Status, r.Latest, Day)).ShouldNotBeEmpty();
        Should.Throw<ArgumentNullException>(() => OverdueRule.DueClosedBefore<Row>(null!, Day));
    }

    [Fact]
    public void The_filter_needs_both_selectors()
    {
        Should.Throw<ArgumentNullException>(() => OverdueRule.Where<Row>(null!, r => r.Status, Day));
        Should.Throw<ArgumentNullException>(() => OverdueRule.Where<Row>(r => r.Latest, null!, Day));
    }

    [Theory]
    [InlineData(-3, 3)]
    [InlineData(-1, 1)]
    [InlineData(0, 0)]
    [InlineData(5, 0)]
    public void Days_past_count_whole_days_since_the_window_closed(int latestOffset, int days)
    {
        OverdueRule.DaysPast(Day.AddDays(latestOffset), Day).ShouldBe(days);
        OverdueRule.DaysPast(null, Day).ShouldBe(0);
    }

    [Fact]
    public void As_of_a_day_reads_entries_effective_on_or_before_it_and_days_are_UTC_days()
    {
        AsOfDay.DayOf(new DateTimeOffset(2025, 1, 15, 23, 30, 0, TimeSpan.FromHours(-5))).ShouldBe(new DateOnly(2025, 1, 16));
        AsOfDay.DayOf(new DateTimeOffset(2025, 1, 16, 1, 0, 0, TimeSpan.FromHours(3))).ShouldBe(new DateOnly(2025, 1, 15));
        AsOfDay.Today(new Stopped(new DateTimeOffset(2025, 1, 15, 23, 30, 0, TimeSpan.FromHours(-5)))).ShouldBe(new DateOnly(2025, 1, 16));
        Should.Throw<ArgumentNullException>(() => AsOfDay.Today(null!));
    }

    private sealed class Stopped(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
