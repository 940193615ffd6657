using CommitmentTracker.Application.Commitments.Queries.GetStatusTrend;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// The dashboard keeps the figures it computed until the change feed's head moves (decision 0046): the same figures
/// while nothing changed, new ones as soon as a status entry or a commitment is saved, for today and a past day alike.
/// </summary>
public sealed class DashboardSnapshotTests : IAsyncLifetime
{
    private TestLedger _ledger = null!;

    public async ValueTask InitializeAsync()
    {
        _ledger = await TestLedger.CreateAsync();
        await Scenario.BuildAsync(_ledger);
    }

    public async ValueTask DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task Unchanged_figures_are_reused_and_a_saved_status_entry_is_counted_at_once()
    {
        var before = await _ledger.SendAsync(new GetSummaryQuery());
        (await _ledger.SendAsync(new GetSummaryQuery())).ShouldBeSameAs(before, "nothing was written: the kept figures");
        before.ByStatus.ShouldContain(new CountByStatus(LifecycleStatus.Captured, 2));

        _ledger.Actor = TestLedger.Person("max", Roles.Manager);
        await Scenario.AppendAsync(_ledger, "NSK-2023-001", LifecycleStatus.Stalled, Scenario.Today, "The venue fell through.");

        var after = await _ledger.SendAsync(new GetSummaryQuery());
        after.ByStatus.ShouldContain(new CountByStatus(LifecycleStatus.Captured, 1));
        after.ByStatus.ShouldContain(new CountByStatus(LifecycleStatus.Stalled, 2));
        var recounted = await _ledger.WithDbAsync(db => SummaryRecount.CountAsync(db, Scenario.Today, Scenario.Today, TestContext.Current.CancellationToken));
        recounted.ByStatus.ShouldBe(after.ByStatus);
        (recounted.Total, recounted.Open, recounted.Overdue).ShouldBe((after.Total, after.Open, after.Overdue));
    }

    [Fact]
    public async Task A_past_day_kept_from_before_a_back_dated_entry_is_computed_again()
    {
        var day = new DateOnly(2024, 1, 20);
        var before = await _ledger.SendAsync(new GetSummaryQuery(day));

        _ledger.Actor = TestLedger.Person("max", Roles.Manager);
        await Scenario.AppendAsync(_ledger, "NSK-2023-001", LifecycleStatus.Confirmed, new DateOnly(2024, 1, 15));

        var after = await _ledger.SendAsync(new GetSummaryQuery(day));
        after.ShouldNotBeSameAs(before);
        int Count(SummaryDto summary, LifecycleStatus status) => summary.ByStatus.SingleOrDefault(s => s.Status == status)?.Count ?? 0;
        Count(after, LifecycleStatus.Confirmed).ShouldBe(Count(before, LifecycleStatus.Confirmed) + 1);
        Count(after, LifecycleStatus.Captured).ShouldBe(Count(before, LifecycleStatus.Captured) - 1);
    }

    [Fact]
    public async Task The_trend_is_reused_until_a_status_entry_moves_it()
    {
        var before = await _ledger.SendAsync(new GetStatusTrendQuery(Scenario.Today, 3));
        (await _ledger.SendAsync(new GetStatusTrendQuery(Scenario.Today, 3))).ShouldBeSameAs(before, "nothing was written: the kept trend");
        (await _ledger.SendAsync(new GetStatusTrendQuery(Scenario.Today, 2))).Count.ShouldBe(2, "another span of months is its own question");

        _ledger.Actor = TestLedger.Person("max", Roles.Manager);
        await Scenario.AppendAsync(_ledger, "NSK-2023-001", LifecycleStatus.Confirmed, new DateOnly(2024, 1, 15));

        var after = await _ledger.SendAsync(new GetStatusTrendQuery(Scenario.Today, 3));
        after.ShouldNotBeSameAs(before);
        int Count(StatusTrendPoint point, LifecycleStatus status) => point.Counts.SingleOrDefault(c => c.Status == status)?.Count ?? 0;
        Count(after[1], LifecycleStatus.Confirmed).ShouldBe(Count(before[1], LifecycleStatus.Confirmed) + 1, "by 2024-01-31 the back-dated entry is in effect");
        Count(after[1], LifecycleStatus.Captured).ShouldBe(Count(before[1], LifecycleStatus.Captured) - 1);
    }

    [Fact]
    public void Four_hundred_questions_are_kept_and_the_next_one_starts_the_store_afresh()
    {
        var snapshots = new DashboardSnapshots();
        var days = Enumerable.Range(0, 401).Select(i => Scenario.Today.AddDays(-i)).ToList();
        foreach (var day in days.Take(400))
        {
            snapshots.Add(day, 7, $"figures of {day:yyyy-MM-dd}");
        }

        days.Take(400).All(day => snapshots.TryGet<string>(day, 7, out var kept) && kept == $"figures of {day:yyyy-MM-dd}").ShouldBeTrue();
        snapshots.TryGet<string>(days[0], 8, out _).ShouldBeFalse("the head moved");
        snapshots.TryGet<SummaryDto>(days[0], 7, out _).ShouldBeFalse("other figures were kept for the question");

        snapshots.Add(days[400], 7, "figures of the 401st day");

        snapshots.TryGet<string>(days[0], 7, out _).ShouldBeFalse("the full store was emptied before the 401st question");
        snapshots.TryGet<string>(days[399], 7, out _).ShouldBeFalse();
        snapshots.TryGet<string>(days[400], 7, out var latest).ShouldBeTrue();
        latest.ShouldBe("figures of the 401st day");
    }
}
