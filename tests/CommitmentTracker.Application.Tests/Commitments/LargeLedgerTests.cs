using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Infrastructure.Synthetic;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// A ledger past the list's exact-count bound (<see cref="CommitmentPaging.MaxExactTotal"/> rows), written by the
/// app's own synthetic-data generator (fixed seed, through the domain rules), built once for the class.
/// </summary>
public sealed class LargeLedger : IAsyncLifetime
{
    public const int Commitments = CommitmentPaging.MaxExactTotal + 400;

    public TestLedger Ledger { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Ledger = await TestLedger.CreateAsync();
        Ledger.Actor = ActorClaims.System;
        await Ledger.InScopeAsync(services => services.GetRequiredService<SyntheticDataGenerator>()
            .GenerateAsync(new SyntheticDataRequest(40, Commitments, Seed: 7), CancellationToken.None));
    }

    public async ValueTask DisposeAsync() => await Ledger.DisposeAsync();
}

/// <summary>
/// Past 10,000 matches the list counts no further (the total is a lower bound), takes the exact total from the
/// dashboard projection when nothing is filtered, and finds a page in code order by walking the code index
/// (decisions 0023 and 0028). Whatever the path, the rows must be the ones a plain query over the table gives:
/// each case is compared with that query.
/// </summary>
public sealed class LargeLedgerTests(LargeLedger large) : IClassFixture<LargeLedger>
{
    private readonly TestLedger _ledger = large.Ledger;

    // The oracle: the matching rows straight from the table, in code order, with nothing clever.
    private Task<List<string>> CodesAsync(Func<IQueryable<Commitment>, IQueryable<Commitment>> where, bool descending = false) =>
        _ledger.WithDbAsync(db =>
        {
            var rows = where(db.Commitments.AsNoTracking());
            return (descending ? rows.OrderByDescending(c => c.Code) : rows.OrderBy(c => c.Code)).Select(c => c.Code).ToListAsync();
        });

    private Task<PagedResult<CommitmentSummaryDto>> ListAsync(CommitmentFilter filter, string? sort = null, string? after = null) =>
        _ledger.SendAsync(new ListCommitmentsQuery(filter, sort, 1, 25, after));

    [Fact]
    public async Task Without_a_filter_the_total_is_exact_from_the_dashboard_projection()
    {
        var page = await ListAsync(new CommitmentFilter());

        page.TotalCount.ShouldBe(LargeLedger.Commitments);
        page.TotalIsEstimate.ShouldBeFalse();
        page.Items.Select(i => i.Code).ShouldBe((await CodesAsync(c => c)).Take(25));
    }

    [Fact]
    public async Task A_filter_matching_more_than_ten_thousand_rows_gives_a_lower_bound_and_the_same_rows_a_plain_query_gives()
    {
        // Every synthetic commitment is issued by SYN-P01.
        var all = await CodesAsync(c => c);
        var page = await ListAsync(new CommitmentFilter { Party = "syn-p01" });

        page.TotalCount.ShouldBe(CommitmentPaging.MaxExactTotal + 1);
        page.TotalIsEstimate.ShouldBeTrue();
        page.Items.Select(i => i.Code).ShouldBe(all.Take(25));
        page.Next.ShouldBe(all[24]);

        var next = await ListAsync(new CommitmentFilter { Party = "SYN-P01" }, after: page.Next);
        next.Items.Select(i => i.Code).ShouldBe(all.Skip(25).Take(25));

        var backwards = await ListAsync(new CommitmentFilter { Party = "SYN-P01" }, "-code", after: all[^3]);
        backwards.Items.Select(i => i.Code).ShouldBe(all.Take(all.Count - 3).Reverse().Take(25));
    }

    [Fact]
    public async Task The_walk_applies_the_due_range_text_and_overdue_filters_as_the_table_does()
    {
        var from = new DateOnly(2024, 6, 1);
        var to = new DateOnly(2026, 12, 31);
        var day = new DateOnly(2025, 6, 1);
        var closed = Lifecycle.Closed.ToList();
        var cases = new (CommitmentFilter Filter, Func<IQueryable<Commitment>, IQueryable<Commitment>> Where)[]
        {
            (new CommitmentFilter { Q = "agreed", DueFrom = from }, c => c.Where(x => x.DueLatest >= from)),
            (new CommitmentFilter { Party = "SYN-P01", DueTo = to }, c => c.Where(x => x.DueLatest <= to)),
            (new CommitmentFilter { Q = "agreed", Overdue = false, AsOf = day }, c => c.Where(x => x.DueLatest == null || x.DueLatest >= day || closed.Contains(x.CurrentStatus))),
        };

        foreach (var (filter, where) in cases)
        {
            var expected = await CodesAsync(where);
            var page = await ListAsync(filter);

            page.Items.Select(i => i.Code).ShouldBe(expected.Take(25));
            page.TotalIsEstimate.ShouldBe(expected.Count > CommitmentPaging.MaxExactTotal);
            page.TotalCount.ShouldBe(Math.Min(expected.Count, CommitmentPaging.MaxExactTotal + 1));
        }
    }

    [Fact]
    public async Task Due_order_past_ten_thousand_rows_is_the_same_order_the_table_gives()
    {
        var expected = await _ledger.WithDbAsync(db => db.Commitments.AsNoTracking()
            .OrderBy(c => c.DueLatest == null ? 0 : 1).ThenBy(c => c.DueLatest).ThenBy(c => c.Code).Select(c => c.Code).ToListAsync());
        var first = await ListAsync(new CommitmentFilter { Party = "SYN-P01" }, "due");
        first.Items.Select(i => i.Code).ShouldBe(expected.Take(25));
        first.TotalIsEstimate.ShouldBeTrue();

        // A cursor in the middle of the dated part.
        var middle = expected[LargeLedger.Commitments / 2];
        var after = await ListAsync(new CommitmentFilter { Party = "SYN-P01" }, "due", middle);
        after.Items.Select(i => i.Code).ShouldBe(expected.Skip((LargeLedger.Commitments / 2) + 1).Take(25));
    }
}
