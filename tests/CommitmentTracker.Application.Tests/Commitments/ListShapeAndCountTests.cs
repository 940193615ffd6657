using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// The two ways of answering a large list, over the scenario's ledger (see <see cref="Scenario"/>): the walking shape
/// (used past 10,000 matches) must select what the seeking shape selects, and the bounded count must give the count
/// up to its bound whichever shortcut answers it (the projection's party figure, the full-text hits). The application
/// uses 10,000 for both; here the bound is small, so a ledger of seven commitments crosses it.
/// </summary>
public sealed class ListShapeAndCountTests(ScenarioLedger scenario) : IClassFixture<ScenarioLedger>
{
    private readonly TestLedger _ledger = scenario.Ledger;

    private static readonly Dictionary<string, (CommitmentFilter Filter, string[] Codes)> Filters = new()
    {
        ["party"] = (new CommitmentFilter { Party = " ru-nvs " }, ["NSK-2023-001", "NSK-2023-002", "NSK-2023-005"]),
        ["party of a counterpart only"] = (new CommitmentFilter { Party = "RU" }, ["MSK-2024-001", "NSK-2023-003"]),
        ["a party no one has registered"] = (new CommitmentFilter { Party = "XX-NOWHERE" }, []),
        ["due range, both ends included"] = (new CommitmentFilter { DueFrom = new DateOnly(2023, 12, 1), DueTo = new DateOnly(2024, 3, 31) }, ["NSK-2023-002", "NSK-2023-005"]),
        ["due from a window's last day"] = (new CommitmentFilter { DueFrom = new DateOnly(2024, 3, 31) }, ["MSK-2024-001", "NSK-2023-001", "NSK-2023-005"]),
        ["due to a window's last day"] = (new CommitmentFilter { DueTo = new DateOnly(2023, 12, 1) }, ["NSK-2023-002", "NSK-2023-006"]),
        ["overdue today"] = (new CommitmentFilter { Overdue = true }, ["NSK-2023-002", "NSK-2023-006"]),
        ["not overdue today"] = (new CommitmentFilter { Overdue = false }, ["MSK-2024-001", "NSK-2023-001", "NSK-2023-003", "NSK-2023-004", "NSK-2023-005"]),
        ["overdue on a later day"] = (new CommitmentFilter { Overdue = true, AsOf = new DateOnly(2024, 12, 1) }, ["NSK-2023-001", "NSK-2023-002", "NSK-2023-006"]),
        ["overdue on a past day"] = (new CommitmentFilter { Overdue = true, AsOf = new DateOnly(2024, 1, 15) }, ["NSK-2023-002", "NSK-2023-006"]),
        ["text and party"] = (new CommitmentFilter { Q = "trade", Party = "RU" }, ["NSK-2023-003"]),
        ["one status"] = (new CommitmentFilter { Status = [LifecycleStatus.Captured] }, ["MSK-2024-001", "NSK-2023-001"]),
        ["one kind"] = (new CommitmentFilter { Kind = [CommitmentKind.Instruction] }, ["MSK-2024-001", "NSK-2023-006"]),
        ["one status and one kind"] = (new CommitmentFilter { Status = [LifecycleStatus.Captured], Kind = [CommitmentKind.Instruction] }, ["MSK-2024-001"]),
        ["two statuses and one kind"] = (new CommitmentFilter { Status = [LifecycleStatus.Captured, LifecycleStatus.Stalled], Kind = [CommitmentKind.Instruction] }, ["MSK-2024-001", "NSK-2023-006"]),
        ["one status and two kinds"] = (new CommitmentFilter { Status = [LifecycleStatus.Captured], Kind = [CommitmentKind.Instruction, CommitmentKind.CulturalEvent] }, ["MSK-2024-001", "NSK-2023-001"]),
    };

    public static TheoryData<string> FilterNames => new(Filters.Keys);

    [Theory]
    [MemberData(nameof(FilterNames))]
    public async Task Walking_the_code_or_due_order_selects_exactly_what_seeking_the_filter_selects(string name)
    {
        var (filter, expected) = Filters[name];

        (await CodesAsync(filter, ListShape.Seek)).ShouldBe(expected);
        (await CodesAsync(filter, ListShape.Walk)).ShouldBe(expected);
        (await CodesAsync(filter, ListShape.WalkDueOrder)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("  ", true)]
    [InlineData("code", true)]
    [InlineData(" -CODE ", true)]
    [InlineData("due", false)]
    [InlineData("-due", false)]
    [InlineData("title", false)]
    [InlineData("codes", false)]
    public void Only_the_default_sort_and_code_both_ways_walk_the_code_index(string? sort, bool inCodeOrder)
    {
        CommitmentPaging.InCodeOrder(sort).ShouldBe(inCodeOrder);
    }

    [Theory]
    [InlineData(5_000, 1_000_000, 25, false)] // √(25 × 1,000,000) = 5,000: walking would read as many rows as seeking sorts
    [InlineData(5_001, 1_000_000, 25, true)]
    [InlineData(500, 10_000, 25, false)]
    [InlineData(501, 10_000, 25, true)]
    [InlineData(1_000, 10_000, 2_000, false)] // page 80 of 25: the walk would read 20,000 rows for 1,000 matches
    [InlineData(10_001, 2_000_000_000, 25, true)] // past the bound the count is an estimate: always walk
    [InlineData(10_000, 1_500_000_000, 2, false)] // 2 × 1.5 billion does not overflow into a negative number
    public void A_page_in_order_walks_once_the_matches_outnumber_the_rows_the_walk_would_read(int matching, int all, int rowsNeeded, bool walks)
    {
        CommitmentPaging.WalksOrder(matching, all, rowsNeeded).ShouldBe(walks);
    }

    public static TheoryData<string?, CommitmentFilter, bool> RangesInUpdatedOrder => new()
    {
        { "-updatedAt", new CommitmentFilter { DueFrom = new DateOnly(2025, 1, 1), DueTo = new DateOnly(2025, 3, 31) }, true },
        { " UPDATEDAT ", new CommitmentFilter { DueFrom = new DateOnly(2025, 1, 1) }, true },
        { "updatedAt", new CommitmentFilter { DueTo = new DateOnly(2025, 3, 31) }, true },
        { "-updatedAt", new CommitmentFilter(), false }, // no range: every row matches, and the walk finds a page at once
        { "-updatedAt", new CommitmentFilter { DueFrom = new DateOnly(2025, 1, 1), Status = [LifecycleStatus.Captured] }, false }, // the range is not all it reads
        { "-updatedAt", new CommitmentFilter { DueFrom = new DateOnly(2025, 1, 1), Q = "tram" }, false },
        { "-due", new CommitmentFilter { DueFrom = new DateOnly(2025, 1, 1) }, false }, // the range is a range of the due order itself
        { "title", new CommitmentFilter { DueFrom = new DateOnly(2025, 1, 1) }, false }, // the due-day index carries no title
        { null, new CommitmentFilter { DueFrom = new DateOnly(2025, 1, 1) }, false },
    };

    /// <summary>Decision 0150: only a due range alone in updated order is read from the due-day index and sorted.</summary>
    [Theory]
    [MemberData(nameof(RangesInUpdatedOrder))]
    public void A_due_range_alone_in_updated_order_is_read_from_the_due_day_index(string? sort, CommitmentFilter filter, bool seeks)
    {
        CommitmentPaging.SeeksDueRangeInUpdatedOrder(sort, filter).ShouldBe(seeks);
    }

    [Theory]
    [InlineData(4_811, 1_000_000, 25, 34_107, true)] // a party and a kind: seeking reads all 34,107 of the party's commitments
    [InlineData(4_811, 1_000_000, 25, null, false)] // the same matches from their own index: seeking reads only them
    [InlineData(20, 1_000_000, 25, 120, false)] // a party of a hundred-odd commitments: seeking reads them and stops
    [InlineData(973, 1_000_000, 25, 20_000, false)] // 973 × 20,000 < 25 million: the walk would read more than the party holds
    public void Beside_a_party_the_seek_reads_the_partys_commitments_not_only_the_matches(int matching, int all, int rowsNeeded, int? candidates, bool walks)
    {
        CommitmentPaging.WalksOrder(matching, all, rowsNeeded, candidates).ShouldBe(walks);
    }

    [Theory]
    [MemberData(nameof(FilterNames))]
    public async Task The_list_gives_the_same_pages_whichever_shape_its_page_size_chooses(string name)
    {
        // Seven commitments: a page of one walks from three matches on (3 × 3 > 1 × 7), a page of 25 always seeks.
        var (filter, expected) = Filters[name];
        var whole = await _ledger.SendAsync(new ListCommitmentsQuery(filter, PageSize: 25));
        var pageByPage = new List<string>();
        for (var page = 1; page <= expected.Length; page++)
        {
            var one = await _ledger.SendAsync(new ListCommitmentsQuery(filter, Page: page, PageSize: 1));
            one.TotalCount.ShouldBe(expected.Length);
            pageByPage.AddRange(one.Items.Select(i => i.Code));
        }

        whole.Items.Select(i => i.Code).ShouldBe(expected);
        pageByPage.ShouldBe(expected);
        (await _ledger.SendAsync(new ListCommitmentsQuery(filter, Page: expected.Length + 1, PageSize: 1))).Items.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(FilterNamesInDueOrder))]
    public async Task The_list_in_due_order_gives_the_same_pages_whichever_shape_its_page_size_chooses(string name, string sort)
    {
        // A page of 25 seeks; pages of one, each after the last code, walk the due-date index from three matches on.
        var (filter, expected) = Filters[name];
        var whole = await _ledger.SendAsync(new ListCommitmentsQuery(filter, Sort: sort, PageSize: 25));
        var pageByPage = new List<string>();
        string? after = null;
        for (var page = 1; page <= expected.Length; page++)
        {
            var one = await _ledger.SendAsync(new ListCommitmentsQuery(filter, Sort: sort, PageSize: 1, After: after));
            one.TotalCount.ShouldBe(expected.Length);
            pageByPage.AddRange(one.Items.Select(i => i.Code));
            after = one.Items.Single().Code;
        }

        whole.Items.Select(i => i.Code).Order().ShouldBe(expected);
        pageByPage.ShouldBe(whole.Items.Select(i => i.Code));
        (await _ledger.SendAsync(new ListCommitmentsQuery(filter, Sort: sort, PageSize: 1, After: after))).Items.ShouldBeEmpty();
    }

    public static TheoryData<string, string> FilterNamesInDueOrder =>
        new(Filters.Keys.Where(name => Filters[name].Codes.Length > 0).SelectMany(name => new[] { (name, "due"), (name, "-due") }));

    [Theory]
    // RU-NVS holds a role in 001, 002 and 005 and issues only 005: three matches, three responsibilities, which the
    // dashboard projection's party figure knows without counting commitments.
    [InlineData(2, 3, true)]
    [InlineData(3, 3, false)]
    [InlineData(1, 2, true)]
    public async Task A_party_filter_alone_is_counted_up_to_the_bound_and_past_it_is_an_estimate(int bound, int total, bool estimate)
    {
        (await BoundedCountAsync(new CommitmentFilter { Party = "RU-NVS" }, bound)).ShouldBe((total, estimate));
    }

    [Fact]
    public async Task A_party_filter_with_another_criterion_counts_the_matches_not_the_partys_responsibilities()
    {
        // Of RU-NVS's three, only 001 is still Captured; its three responsibilities must not make this "more than 1".
        (await BoundedCountAsync(new CommitmentFilter { Party = "RU-NVS", Status = [LifecycleStatus.Captured] }, 1)).ShouldBe((1, false));
    }

    [Theory]
    // "trade" is in 002's quote and 003's title: two hits of the full-text index, one per commitment.
    [InlineData(1, 2, true)]
    [InlineData(2, 2, false)]
    public async Task A_text_filter_alone_is_counted_up_to_the_bound_and_past_it_is_an_estimate(int bound, int total, bool estimate)
    {
        (await BoundedCountAsync(new CommitmentFilter { Q = "trade" }, bound)).ShouldBe((total, estimate));
    }

    [Theory]
    // Two commitments are still Captured (MSK-2024-001, NSK-2023-001); no shortcut knows that, so they are counted.
    [InlineData(1, 2, true)]
    [InlineData(2, 2, false)]
    [InlineData(3, 2, false)]
    public async Task Any_other_filter_is_counted_up_to_the_bound_and_past_it_is_an_estimate(int bound, int total, bool estimate)
    {
        (await BoundedCountAsync(new CommitmentFilter { Status = [LifecycleStatus.Captured] }, bound)).ShouldBe((total, estimate));
    }

    [Fact]
    public async Task The_overdue_review_of_a_filter_counts_only_what_the_filter_keeps()
    {
        // Two commitments are overdue today; of those, BY-GOV issued only 006. The projection's overdue figure (2) is
        // the total only when nothing but the day is asked.
        var page = await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter { Party = "BY-GOV" }));

        page.Items.Select(i => i.Code).ShouldBe(["NSK-2023-006"]);
        page.TotalCount.ShouldBe(1);
        (await _ledger.SendAsync(new ListOverdueQuery(new CommitmentFilter()))).TotalCount.ShouldBe(2);
    }

    [Theory]
    // The meeting days, before the captures took effect; the capture day; the effective days of the appended entries
    // (12, 20, 25 January); the eve of today.
    [InlineData("2023-10-10")]
    [InlineData("2024-01-08")]
    [InlineData("2024-01-10")]
    [InlineData("2024-01-12")]
    [InlineData("2024-01-20")]
    [InlineData("2024-01-25")]
    [InlineData("2024-01-31")]
    public async Task A_past_days_status_probed_row_by_row_is_the_one_the_whole_log_gives(string day)
    {
        var asOf = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var (wholeLog, rowByRow) = await _ledger.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IApplicationDbContext>();
            var grouped = await db.Commitments.OnDay(db, asOf, Scenario.Today).OrderBy(x => x.Commitment.Code).Select(x => x.Commitment.Code + " " + x.Status).ToArrayAsync();
            var probed = await db.Commitments.OnDayRowByRow(db, asOf, Scenario.Today).OrderBy(x => x.Commitment.Code).Select(x => x.Commitment.Code + " " + x.Status).ToArrayAsync();
            return (grouped, probed);
        });

        rowByRow.ShouldBe(wholeLog);
        wholeLog.Length.ShouldBe(asOf < Scenario.CaptureDay ? 0 : 7);
    }

    private Task<string[]> CodesAsync(CommitmentFilter filter, ListShape shape) =>
        _ledger.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IApplicationDbContext>();
            return await (await db.MatchingAsync(filter, Scenario.Today, CancellationToken.None, shape)).OrderBy(c => c.Code).Select(c => c.Code).ToArrayAsync();
        });

    private Task<(int Total, bool Estimate)> BoundedCountAsync(CommitmentFilter filter, int bound) =>
        _ledger.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IApplicationDbContext>();
            return await (await db.MatchingAsync(filter, Scenario.Today, CancellationToken.None)).BoundedCountAsync(db, filter, Scenario.Today, CancellationToken.None, bound);
        });
}
