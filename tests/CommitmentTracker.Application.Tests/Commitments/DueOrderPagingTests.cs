using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// The due sorts read their pages in segments (open-ended items, then the rest of the anchor's day, then the later
/// days; or the reverse), each ordered by code within a day. The scenario's ledger has no two windows closing on the
/// same day, so here three close on 2024-03-31 and two on 2024-11-30, and three have no latest day; every page size
/// from 1 to 4 must read the same order through the cursor.
/// </summary>
public sealed class DueOrderPagingTests : IAsyncLifetime
{
    private const string Record =
        "Alpha will be done. Beta will be done. Gamma will be done. Delta will be done. Epsilon will be done. Zeta will be done. Eta will be done. Theta will be done.";

    // Code, quote, due phrase (spoken on 2023-10-10): written out of code order, so no order comes from the inserts.
    private static readonly (string Code, string Quote, string? Due)[] Items =
    [
        ("T-05", "Epsilon will be done", "autumn 2024"),
        ("T-02", "Beta will be done", "by the end of Q1 2024"),
        ("T-07", "Eta will be done", null),
        ("T-04", "Delta will be done", "autumn 2024"),
        ("T-01", "Alpha will be done", "by the end of Q1 2024"),
        ("T-08", "Theta will be done", "in the near future"),
        ("T-03", "Gamma will be done", "by the end of Q1 2024"),
        ("T-06", "Zeta will be done", null),
    ];

    private TestLedger _ledger = null!;

    public async ValueTask InitializeAsync()
    {
        _ledger = await TestLedger.CreateAsync();
        await Scenario.PartiesAsync(_ledger);
        await Scenario.MeetingAsync(_ledger, "NSK-2023", Scenario.NovosibirskDay, Record);
        foreach (var (code, quote, due) in Items)
        {
            await Scenario.CaptureAsync(_ledger, "NSK-2023", quote, quote, CommitmentKind.Other, "BY", due, [Scenario.Lead("BY")], code);
        }
    }

    public async ValueTask DisposeAsync() => await _ledger.DisposeAsync();

    [Theory]
    // Ascending: open-ended first (by code), then by latest day, a day's items by code.
    [InlineData("due", new[] { "T-06", "T-07", "T-08", "T-01", "T-02", "T-03", "T-04", "T-05" })]
    // Descending: latest day last to first, a day's items still by code, open-ended last.
    [InlineData("-due", new[] { "T-04", "T-05", "T-01", "T-02", "T-03", "T-06", "T-07", "T-08" })]
    public async Task Every_page_size_reads_the_due_order_through_the_cursor_with_ties_by_code(string sort, string[] expected)
    {
        (await _ledger.WithDbAsync(db => Task.FromResult(db.Commitments.Where(c => c.DueLatest != null).Select(c => c.DueLatest).Distinct().Count()))).ShouldBe(2);

        for (var size = 1; size <= 4; size++)
        {
            var read = new List<string>();
            string? after = null;
            do
            {
                var page = await _ledger.SendAsync(new ListCommitmentsQuery(new CommitmentFilter(), sort, 1, size, after));
                read.AddRange(page.Items.Select(i => i.Code));
                after = page.Next;
            }
            while (after is not null);

            read.ShouldBe(expected, ignoreOrder: false, customMessage: $"pages of {size}");
        }
    }

    [Fact]
    public async Task The_overdue_review_orders_a_days_items_by_code_in_offset_pages_and_through_the_cursor()
    {
        // On 2024-12-01 the five dated items are overdue: three from 2024-03-31, two from 2024-11-30.
        var filter = new CommitmentFilter { AsOf = new DateOnly(2024, 12, 1) };
        string[] expected = ["T-01", "T-02", "T-03", "T-04", "T-05"];

        var byOffset = new List<string>();
        for (var number = 1; number <= 3; number++)
        {
            var page = await _ledger.SendAsync(new ListOverdueQuery(filter, number, 2));
            page.TotalCount.ShouldBe(5);
            byOffset.AddRange(page.Items.Select(i => i.Code));
        }

        var byCursor = new List<string>();
        string? after = null;
        do
        {
            var page = await _ledger.SendAsync(new ListOverdueQuery(filter, 1, 2, after));
            byCursor.AddRange(page.Items.Select(i => i.Code));
            after = page.Next;
        }
        while (after is not null);

        byOffset.ShouldBe(expected);
        byCursor.ShouldBe(expected);
    }
}
