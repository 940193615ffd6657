using CommitmentTracker.Application.CalendarFeeds.Commands.CreateCalendarFeed;
using CommitmentTracker.Application.CalendarFeeds.Queries.ReadCalendarFeed;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// A calendar feed applies its saved filter to the whole table, so words to find are matched through the full-text
/// index inside the filter (not as the query's root, as lists do), together with the filter's other criteria.
/// The tests share the scenario's ledger: each adds a feed of its own name and no commitment changes.
/// </summary>
public sealed class CalendarFeedFilterTests(ScenarioLedger scenario) : IClassFixture<ScenarioLedger>
{
    private async Task<IReadOnlyList<(string Code, DateOnly First, DateOnly Last)>> FeedAsync(string name, CommitmentFilter filter)
    {
        var issued = await scenario.Ledger.SendAsync(new CreateCalendarFeedCommand(name, filter));
        var content = await scenario.Ledger.SendAsync(new ReadCalendarFeedQuery(issued.Token));
        content.Name.ShouldBe(name);
        return [.. content.Events.Select(e => (e.Code, e.First, e.Last))];
    }

    [Fact]
    public async Task A_feed_of_words_shows_the_dated_commitments_that_contain_them()
    {
        // "trade" is also in NSK-2023-003's quote, but that target has no due window to show.
        (await FeedAsync("Trade", new CommitmentFilter { Q = "trade" }))
            .ShouldBe([("NSK-2023-002", Scenario.NovosibirskDay, new DateOnly(2023, 12, 1))]);
    }

    [Fact]
    public async Task A_feed_of_words_keeps_its_other_criteria()
    {
        // Novosibirsk is in 001 (Captured), 002 (InProgress) and 004 (Withdrawn, and open-ended); MSK-2024-001 is
        // Captured but does not mention it.
        (await FeedAsync("Novosibirsk, open", new CommitmentFilter { Q = "novosibirsk", Status = [LifecycleStatus.Captured, LifecycleStatus.InProgress] }))
            .ShouldBe([("NSK-2023-002", Scenario.NovosibirskDay, new DateOnly(2023, 12, 1)), ("NSK-2023-001", new DateOnly(2024, 9, 1), new DateOnly(2024, 11, 30))]);
    }
}
