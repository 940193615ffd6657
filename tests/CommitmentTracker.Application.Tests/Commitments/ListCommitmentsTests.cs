using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetCommitment;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// The commitments list over the scenario's ledger (see <see cref="Scenario"/> for every row): each filter, each sort
/// both ways, offset pages and the keyset cursors, compared with the exact codes expected.
/// </summary>
public sealed class ListCommitmentsTests(ScenarioLedger scenario) : IClassFixture<ScenarioLedger>
{
    private readonly TestLedger _ledger = scenario.Ledger;

    private async Task<string[]> CodesAsync(CommitmentFilter filter, string? sort = null)
    {
        var page = await _ledger.SendAsync(new ListCommitmentsQuery(filter, sort, PageSize: 200));
        page.TotalCount.ShouldBe(page.Items.Count);
        page.TotalIsEstimate.ShouldBeFalse();
        return [.. page.Items.Select(i => i.Code)];
    }

    [Fact]
    public async Task Without_a_filter_every_commitment_is_listed_in_code_order()
    {
        (await CodesAsync(new CommitmentFilter())).ShouldBe(Scenario.Codes);
    }

    [Fact]
    public async Task A_row_carries_the_commitments_own_values()
    {
        var page = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter { Meeting = "NSK-2023" }, PageSize: 200));
        var row = page.Items.Single(i => i.Code == "NSK-2023-002");

        row.Title.ShouldBe("Open a trade house in Novosibirsk");
        row.Kind.ShouldBe(CommitmentKind.Hub);
        row.Modality.ShouldBe(Modality.Firm);
        row.Status.ShouldBe(LifecycleStatus.InProgress);
        row.MeetingCode.ShouldBe("NSK-2023");
        row.MeetingDate.ShouldBe(Scenario.NovosibirskDay);
        row.IssuerKey.ShouldBe("BY");
        row.CapturedBy.ShouldBe("ana");
        row.Version.ShouldBe(2);
        row.UpdatedAt.ShouldBe(Scenario.AppendedAt);
        row.Due.ShouldNotBeNull();
        row.Due.Phrase.ShouldBe("by 1 December 2023");
        row.Due.Precision.ShouldBe(DuePrecision.Day);
        row.Due.Earliest.ShouldBe(Scenario.NovosibirskDay);
        row.Due.Latest.ShouldBe(new DateOnly(2023, 12, 1));
        page.Items.Single(i => i.Code == "NSK-2023-003").Due.ShouldBeNull();
    }

    [Fact]
    public async Task The_capturer_is_who_recorded_the_first_entry_not_who_recorded_the_latest()
    {
        // NSK-2023-005 was captured by ana and closed by max.
        var page = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter { Meeting = "NSK-2023" }, PageSize: 200));

        page.Items.Single(i => i.Code == "NSK-2023-005").CapturedBy.ShouldBe("ana");
        (await _ledger.SendAsync(new GetCommitmentQuery("NSK-2023-005"))).CapturedBy.ShouldBe("ana");
    }

    [Theory]
    [InlineData(new[] { LifecycleStatus.Captured }, new[] { "MSK-2024-001", "NSK-2023-001" })]
    [InlineData(new[] { LifecycleStatus.InProgress, LifecycleStatus.Stalled }, new[] { "NSK-2023-002", "NSK-2023-006" })]
    [InlineData(new[] { LifecycleStatus.Fulfilled, LifecycleStatus.Withdrawn }, new[] { "NSK-2023-004", "NSK-2023-005" })]
    [InlineData(new[] { LifecycleStatus.NotFulfilled }, new string[0])]
    public async Task The_status_filter_keeps_the_commitments_whose_current_status_is_any_of_those_given(LifecycleStatus[] statuses, string[] expected)
    {
        (await CodesAsync(new CommitmentFilter { Status = statuses })).ShouldBe(expected);
    }

    [Theory]
    [InlineData(new[] { CommitmentKind.Instruction }, new[] { "MSK-2024-001", "NSK-2023-006" })]
    [InlineData(new[] { CommitmentKind.Hub, CommitmentKind.Pledge }, new[] { "NSK-2023-002", "NSK-2023-004" })]
    [InlineData(new[] { CommitmentKind.Other }, new string[0])]
    public async Task The_kind_filter_keeps_the_commitments_of_any_kind_given(CommitmentKind[] kinds, string[] expected)
    {
        (await CodesAsync(new CommitmentFilter { Kind = kinds })).ShouldBe(expected);
    }

    [Fact]
    public async Task Empty_status_and_kind_lists_filter_nothing_out()
    {
        (await CodesAsync(new CommitmentFilter { Status = [], Kind = [] })).ShouldBe(Scenario.Codes);
    }

    [Theory]
    // BY issues 001-004 and holds a role in 005 and MSK-2024-001; its government (BY-GOV) is another party.
    [InlineData("BY", new[] { "MSK-2024-001", "NSK-2023-001", "NSK-2023-002", "NSK-2023-003", "NSK-2023-004", "NSK-2023-005" })]
    [InlineData(" ru-nvs ", new[] { "NSK-2023-001", "NSK-2023-002", "NSK-2023-005" })]
    [InlineData("RU", new[] { "MSK-2024-001", "NSK-2023-003" })]
    [InlineData("BY-GOV", new[] { "NSK-2023-001", "NSK-2023-006" })]
    [InlineData("XX", new string[0])]
    public async Task The_party_filter_keeps_what_the_party_issued_or_holds_a_role_in(string party, string[] expected)
    {
        (await CodesAsync(new CommitmentFilter { Party = party })).ShouldBe(expected);
    }

    [Fact]
    public async Task The_meeting_filter_takes_a_code_in_any_case_or_an_id()
    {
        (await CodesAsync(new CommitmentFilter { Meeting = "msk-2024" })).ShouldBe(["MSK-2024-001"]);

        var novosibirsk = await _ledger.WithDbAsync(db => db.Meetings.Where(m => m.Code == "NSK-2023").Select(m => m.Id).SingleAsync());
        (await CodesAsync(new CommitmentFilter { Meeting = novosibirsk.ToString() }))
            .ShouldBe(["NSK-2023-001", "NSK-2023-002", "NSK-2023-003", "NSK-2023-004", "NSK-2023-005", "NSK-2023-006"]);
        (await CodesAsync(new CommitmentFilter { Meeting = "KRD-2023" })).ShouldBeEmpty();
    }

    [Theory]
    // The range is on the due window's latest day, both ends included: 002 ends on 2023-12-01, 005 on 2024-03-31.
    [InlineData("2024-01-01", null, new[] { "MSK-2024-001", "NSK-2023-001", "NSK-2023-005" })]
    [InlineData(null, "2023-12-31", new[] { "NSK-2023-002", "NSK-2023-006" })]
    [InlineData("2023-12-01", "2024-03-31", new[] { "NSK-2023-002", "NSK-2023-005" })]
    [InlineData("2023-12-02", "2024-03-30", new string[0])]
    [InlineData("2023-10-31", "2023-10-31", new[] { "NSK-2023-006" })]
    public async Task The_due_range_filter_keeps_the_windows_that_close_inside_it(string? from, string? to, string[] expected)
    {
        var filter = new CommitmentFilter { DueFrom = from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DueTo = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture) };
        (await CodesAsync(filter)).ShouldBe(expected);
    }

    /// <summary>Open-ended is what the dashboard counts as such: a due phrase with no last day, not a commitment without one.</summary>
    [Fact]
    public async Task The_open_ended_filter_keeps_the_due_phrases_that_name_no_last_day()
    {
        (await CodesAsync(new CommitmentFilter { OpenEnded = true })).ShouldBe(["NSK-2023-004"]);
        (await CodesAsync(new CommitmentFilter { OpenEnded = false })).ShouldBe([.. Scenario.Codes.Where(c => c != "NSK-2023-004")]);
    }

    [Theory]
    // The full-text index holds code, title, summary and the quotes; each word matches as a word or its start.
    [InlineData("tram", new[] { "NSK-2023-006" })]
    [InlineData("showroom", new[] { "NSK-2023-002" })]
    [InlineData("December", new[] { "NSK-2023-002" })]
    [InlineData("prog", new[] { "MSK-2024-001" })]
    [InlineData("msk", new[] { "MSK-2024-001" })]
    [InlineData("TRADE house", new[] { "NSK-2023-002" })]
    [InlineData("trade", new[] { "NSK-2023-002", "NSK-2023-003" })]
    [InlineData("rade", new string[0])]
    [InlineData("-- ..", new string[0])]
    public async Task The_text_filter_finds_words_in_code_title_summary_and_quotes(string q, string[] expected)
    {
        (await CodesAsync(new CommitmentFilter { Q = q })).ShouldBe(expected);
    }

    [Fact]
    public async Task Blank_text_and_party_and_meeting_filter_nothing_out()
    {
        (await CodesAsync(new CommitmentFilter { Q = "  ", Party = " ", Meeting = "" })).ShouldBe(Scenario.Codes);
        (await CodesAsync(new CommitmentFilter { Q = "" })).ShouldBe(Scenario.Codes);
    }

    [Theory]
    // Today (2024-02-01) 002 and 006 are overdue; on 2024-01-15 too (002 was still Captured); on 2024-12-01 001 joins
    // them (autumn 2024 ended on 2024-11-30) while 005 is closed; on 2023-12-15 nothing had been captured yet.
    [InlineData(true, null, new[] { "NSK-2023-002", "NSK-2023-006" })]
    [InlineData(false, null, new[] { "MSK-2024-001", "NSK-2023-001", "NSK-2023-003", "NSK-2023-004", "NSK-2023-005" })]
    [InlineData(true, "2024-01-15", new[] { "NSK-2023-002", "NSK-2023-006" })]
    [InlineData(true, "2024-12-01", new[] { "NSK-2023-001", "NSK-2023-002", "NSK-2023-006" })]
    [InlineData(false, "2024-12-01", new[] { "MSK-2024-001", "NSK-2023-003", "NSK-2023-004", "NSK-2023-005" })]
    [InlineData(true, "2023-12-15", new string[0])]
    [InlineData(false, "2023-12-15", new string[0])]
    public async Task The_overdue_filter_judges_each_commitment_by_its_status_on_the_day(bool overdue, string? asOf, string[] expected)
    {
        var filter = new CommitmentFilter { Overdue = overdue, AsOf = asOf is null ? null : DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture) };
        (await CodesAsync(filter)).ShouldBe(expected);
    }

    [Fact]
    public async Task A_day_without_the_overdue_filter_changes_nothing()
    {
        (await CodesAsync(new CommitmentFilter { AsOf = new DateOnly(2023, 12, 15) })).ShouldBe(Scenario.Codes);
    }

    [Fact]
    public async Task Filters_combine()
    {
        (await CodesAsync(new CommitmentFilter { Party = "BY", Kind = [CommitmentKind.Hub, CommitmentKind.TradeTarget], Status = [LifecycleStatus.InProgress] }))
            .ShouldBe(["NSK-2023-002"]);
        (await CodesAsync(new CommitmentFilter { Meeting = "NSK-2023", Overdue = true, Q = "tram" })).ShouldBe(["NSK-2023-006"]);
        (await CodesAsync(new CommitmentFilter { Q = "trade", DueTo = new DateOnly(2024, 1, 1) })).ShouldBe(["NSK-2023-002"]);
    }

    [Theory]
    [InlineData(null, new[] { "MSK-2024-001", "NSK-2023-001", "NSK-2023-002", "NSK-2023-003", "NSK-2023-004", "NSK-2023-005", "NSK-2023-006" })]
    [InlineData("code", new[] { "MSK-2024-001", "NSK-2023-001", "NSK-2023-002", "NSK-2023-003", "NSK-2023-004", "NSK-2023-005", "NSK-2023-006" })]
    [InlineData("-code", new[] { "NSK-2023-006", "NSK-2023-005", "NSK-2023-004", "NSK-2023-003", "NSK-2023-002", "NSK-2023-001", "MSK-2024-001" })]
    [InlineData("title", new[] { "NSK-2023-003", "NSK-2023-001", "NSK-2023-002", "MSK-2024-001", "NSK-2023-006", "NSK-2023-005", "NSK-2023-004" })]
    [InlineData("-title", new[] { "NSK-2023-004", "NSK-2023-005", "NSK-2023-006", "MSK-2024-001", "NSK-2023-002", "NSK-2023-001", "NSK-2023-003" })]
    // Kind and status are stored by name, so they sort by name; equal ones by code.
    [InlineData("kind", new[] { "NSK-2023-005", "NSK-2023-001", "NSK-2023-002", "MSK-2024-001", "NSK-2023-006", "NSK-2023-004", "NSK-2023-003" })]
    [InlineData("-kind", new[] { "NSK-2023-003", "NSK-2023-004", "MSK-2024-001", "NSK-2023-006", "NSK-2023-002", "NSK-2023-001", "NSK-2023-005" })]
    [InlineData("status", new[] { "MSK-2024-001", "NSK-2023-001", "NSK-2023-003", "NSK-2023-005", "NSK-2023-002", "NSK-2023-006", "NSK-2023-004" })]
    [InlineData("-status", new[] { "NSK-2023-004", "NSK-2023-006", "NSK-2023-002", "NSK-2023-005", "NSK-2023-003", "MSK-2024-001", "NSK-2023-001" })]
    // Open-ended items (no latest day) first ascending, last descending.
    [InlineData("due", new[] { "NSK-2023-003", "NSK-2023-004", "NSK-2023-006", "NSK-2023-002", "NSK-2023-005", "NSK-2023-001", "MSK-2024-001" })]
    [InlineData("-due", new[] { "MSK-2024-001", "NSK-2023-001", "NSK-2023-005", "NSK-2023-002", "NSK-2023-006", "NSK-2023-003", "NSK-2023-004" })]
    [InlineData("meetingDate", new[] { "NSK-2023-001", "NSK-2023-002", "NSK-2023-003", "NSK-2023-004", "NSK-2023-005", "NSK-2023-006", "MSK-2024-001" })]
    [InlineData("-meetingDate", new[] { "MSK-2024-001", "NSK-2023-001", "NSK-2023-002", "NSK-2023-003", "NSK-2023-004", "NSK-2023-005", "NSK-2023-006" })]
    [InlineData("updatedAt", new[] { "NSK-2023-001", "MSK-2024-001", "NSK-2023-002", "NSK-2023-003", "NSK-2023-006", "NSK-2023-005", "NSK-2023-004" })]
    [InlineData("-updatedAt", new[] { "NSK-2023-004", "NSK-2023-005", "NSK-2023-006", "NSK-2023-003", "NSK-2023-002", "MSK-2024-001", "NSK-2023-001" })]
    [InlineData("UpdatedAt", new[] { "NSK-2023-001", "MSK-2024-001", "NSK-2023-002", "NSK-2023-003", "NSK-2023-006", "NSK-2023-005", "NSK-2023-004" })]
    public async Task Every_sort_orders_the_whole_list_and_breaks_ties_by_code(string? sort, string[] expected)
    {
        (await CodesAsync(new CommitmentFilter(), sort)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("due")]
    [InlineData("-due")]
    [InlineData("title")]
    [InlineData("code")]
    public async Task Offset_pages_of_every_sort_cut_the_same_order_into_pieces(string sort)
    {
        var whole = await CodesAsync(new CommitmentFilter(), sort);
        var pages = new List<string>();
        for (var number = 1; number <= 3; number++)
        {
            var page = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), sort, number, 3));
            page.Page.ShouldBe(number);
            page.PageSize.ShouldBe(3);
            page.TotalCount.ShouldBe(7);
            page.TotalPages.ShouldBe(3);
            pages.AddRange(page.Items.Select(i => i.Code));
        }

        pages.ShouldBe(whole);
    }

    [Fact]
    public async Task A_full_page_in_code_order_names_where_the_next_one_starts_and_the_last_page_does_not()
    {
        var first = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), null, 1, 3));
        first.Items.Select(i => i.Code).ShouldBe(["MSK-2024-001", "NSK-2023-001", "NSK-2023-002"]);
        first.Next.ShouldBe("NSK-2023-002");

        var second = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), null, 1, 3, After: first.Next));
        second.Items.Select(i => i.Code).ShouldBe(["NSK-2023-003", "NSK-2023-004", "NSK-2023-005"]);
        second.Next.ShouldBe("NSK-2023-005");
        second.TotalCount.ShouldBe(7);

        var third = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), null, 1, 3, After: second.Next));
        third.Items.Select(i => i.Code).ShouldBe(["NSK-2023-006"]);
        third.Next.ShouldBeNull();

        var byOffset = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), "code", 2, 3));
        byOffset.Items.Select(i => i.Code).ShouldBe(["NSK-2023-003", "NSK-2023-004", "NSK-2023-005"]);
        byOffset.Next.ShouldBe("NSK-2023-005");
    }

    [Fact]
    public async Task A_page_that_is_exactly_full_at_the_end_still_names_its_last_code()
    {
        // The list cannot know the page is the last without reading on: the next one comes back empty.
        var page = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), null, 1, 7));
        page.Next.ShouldBe("NSK-2023-006");
        var after = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), null, 1, 7, After: page.Next));
        after.Items.ShouldBeEmpty();
        after.Next.ShouldBeNull();
    }

    [Fact]
    public async Task Sorts_no_index_gives_offer_no_cursor()
    {
        var page = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), "title", 1, 3));
        page.Items.Count.ShouldBe(3);
        page.Next.ShouldBeNull();
    }

    [Fact]
    public async Task The_cursor_continues_descending_code_order()
    {
        var page = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), "-code", 1, 3, After: "NSK-2023-003"));
        page.Items.Select(i => i.Code).ShouldBe(["NSK-2023-002", "NSK-2023-001", "MSK-2024-001"]);
        page.Next.ShouldBe("MSK-2024-001");
    }

    [Theory]
    // Ascending: the open-ended items (003, 004) come first, then by latest day; a cursor on either segment continues.
    [InlineData("due", null, new[] { "NSK-2023-003", "NSK-2023-004", "NSK-2023-006" })]
    [InlineData("due", "NSK-2023-003", new[] { "NSK-2023-004", "NSK-2023-006", "NSK-2023-002" })]
    [InlineData("due", "NSK-2023-006", new[] { "NSK-2023-002", "NSK-2023-005", "NSK-2023-001" })]
    [InlineData("due", "NSK-2023-001", new[] { "MSK-2024-001" })]
    [InlineData("due", "MSK-2024-001", new string[0])]
    // Descending: dated items from the latest, then the open-ended ones in code order.
    [InlineData("-due", null, new[] { "MSK-2024-001", "NSK-2023-001", "NSK-2023-005" })]
    [InlineData("-due", "NSK-2023-005", new[] { "NSK-2023-002", "NSK-2023-006", "NSK-2023-003" })]
    [InlineData("-due", "NSK-2023-006", new[] { "NSK-2023-003", "NSK-2023-004" })]
    [InlineData("-due", "NSK-2023-003", new[] { "NSK-2023-004" })]
    [InlineData("-due", "NSK-2023-004", new string[0])]
    public async Task The_cursor_continues_due_order_across_the_open_ended_items(string sort, string? after, string[] expected)
    {
        var page = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), sort, 1, 3, After: after));
        page.Items.Select(i => i.Code).ShouldBe(expected);
        page.Next.ShouldBe(expected.Length == 3 ? expected[^1] : null);
        page.TotalCount.ShouldBe(7);
    }

    [Fact]
    public async Task The_due_cursor_keeps_to_the_filter()
    {
        // Only BY's items: 001 (autumn 2024), 002, 003 (none), 004 (open), 005, MSK-2024-001.
        var first = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter { Party = "BY" }, "due", 1, 4));
        first.Items.Select(i => i.Code).ShouldBe(["NSK-2023-003", "NSK-2023-004", "NSK-2023-002", "NSK-2023-005"]);
        first.TotalCount.ShouldBe(6);
        var rest = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter { Party = "BY" }, "due", 1, 4, After: first.Next));
        rest.Items.Select(i => i.Code).ShouldBe(["NSK-2023-001", "MSK-2024-001"]);
    }

    [Fact]
    public async Task A_cursor_that_names_no_commitment_is_refused_on_after()
    {
        foreach (var sort in new[] { "code", "due" })
        {
            var ex = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), sort, 1, 3, After: "NSK-2023-999")));
            var failure = ex.Errors.ShouldHaveSingleItem();
            failure.PropertyName.ShouldBe("after");
            failure.ErrorMessage.ShouldBe("'after' must be the code of a commitment; 'NSK-2023-999' is not one.");
        }
    }

    [Fact]
    public async Task The_pipeline_validates_the_query_before_it_runs()
    {
        var ex = await Should.ThrowAsync<ValidationException>(() => _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), "title", 1, 3, After: "NSK-2023-001")));
        ex.Errors.Select(e => e.ErrorMessage).ShouldBe(["'after' follows these sorts only: code, -code, due, -due."]);
    }
}
