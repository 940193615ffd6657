using System.Text.Json;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
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

    /// <summary>
    /// Decision 0150: a due range in updated order is counted further than other lists to choose its shape, but reports
    /// the same total as in code order. (This ledger's ranges stay under 10,000; past it, both report 10,001, an estimate,
    /// checked over HTTP at a million.)
    /// </summary>
    [Fact]
    public async Task A_due_range_in_updated_order_reports_the_total_it_has_in_code_order()
    {
        var range = new CommitmentFilter { DueFrom = new DateOnly(1900, 1, 1) };
        var dated = await _ledger.InScopeAsync(services => services.GetRequiredService<IApplicationDbContext>().Commitments.CountAsync(c => c.DueLatest != null));

        var byUpdate = await ListAsync(range, "-updatedAt");
        var byCode = await ListAsync(range);

        (byUpdate.TotalCount, byUpdate.TotalIsEstimate).ShouldBe((dated, false));
        (byCode.TotalCount, byCode.TotalIsEstimate).ShouldBe((dated, false));
        byUpdate.Items.Count.ShouldBe(25);
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

    [Fact]
    public async Task A_due_cursor_read_as_two_seeks_continues_inside_its_day_then_on_the_next_days()
    {
        var descending = await _ledger.WithDbAsync(db => db.Commitments.AsNoTracking()
            .OrderBy(c => c.DueLatest == null ? 1 : 0).ThenByDescending(c => c.DueLatest).ThenBy(c => c.Code)
            .Select(c => new { c.Code, c.DueLatest }).ToListAsync());
        var ascending = await _ledger.WithDbAsync(db => db.Commitments.AsNoTracking()
            .OrderBy(c => c.DueLatest == null ? 0 : 1).ThenBy(c => c.DueLatest).ThenBy(c => c.Code)
            .Select(c => new { c.Code, c.DueLatest }).ToListAsync());

        foreach (var (sort, order) in new[] { ("-due", descending), ("due", ascending) })
        {
            // Anchors 3 rows before the end of a day (the page crosses into the next day), on a day's last row, and
            // the last dated row before the open-ended ones (descending) or the first dated one (ascending).
            var dated = order.Select((c, i) => (c.Code, c.DueLatest, Index: i)).Where(c => c.DueLatest != null).ToList();
            var dayEnds = dated.Where(c => c.Index + 1 < order.Count && order[c.Index + 1].DueLatest != c.DueLatest).Select(c => c.Index).ToList();
            dayEnds.Count.ShouldBeGreaterThan(10, "the synthetic due days are shared by many commitments");
            foreach (var index in new[] { dayEnds[dayEnds.Count / 2] - 3, dayEnds[dayEnds.Count / 3], dated[^1].Index, dated[0].Index })
            {
                var page = await ListAsync(new CommitmentFilter(), sort, order[index].Code);
                page.Items.Select(i => i.Code).ShouldBe(order.Skip(index + 1).Take(25).Select(c => c.Code), $"{sort} after {order[index].Code}");
            }
        }
    }

    [Fact]
    public async Task The_generator_keeps_the_projection_equal_to_a_full_recount()
    {
        // Batches of 5,000 commitments: each moves thousands of projection rows in one set-based upsert. The days are
        // before the ledger's today (10 January 2024; a third of the synthetic meetings are earlier), where both read the
        // status log; the shared clock is not moved, as another test of this class judges "overdue" by it.
        var today = _ledger.Clock.Today();
        foreach (var day in new[] { new DateOnly(2023, 3, 1), new DateOnly(2023, 6, 30), new DateOnly(2023, 10, 15), today.AddDays(-1) })
        {
            var summary = await _ledger.SendAsync(new GetSummaryQuery(day));
            var recount = await _ledger.InScopeAsync(services => SummaryRecount.CountAsync(services.GetRequiredService<IApplicationDbContext>(), day, today, CancellationToken.None));
            JsonSerializer.Serialize(summary).ShouldBe(JsonSerializer.Serialize(recount), $"as of {day}");
            summary.Total.ShouldBeGreaterThan(100, "the comparison compared figures, not two empty summaries");
        }
    }

    [Theory]
    [InlineData("SYN-P07", 100)] // about 350 responsibilities: the projection settles "more than 100"
    [InlineData("SYN-P07", CommitmentPaging.MaxExactTotal)] // too few for the projection to settle: counted
    [InlineData("SYN-P01", 100)] // the issuer of every synthetic commitment and responsible for none: counted
    [InlineData("NOT-A-PARTY", 100)]
    public async Task A_party_filter_alone_counts_as_the_table_does_whether_or_not_the_projection_settles_it(string party, int bound)
    {
        var filter = new CommitmentFilter { Party = party };
        var (total, estimate) = await _ledger.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IApplicationDbContext>();
            return await (await db.MatchingAsync(filter, _ledger.Clock.Today(), CancellationToken.None)).BoundedCountAsync(db, filter, _ledger.Clock.Today(), CancellationToken.None, bound);
        });
        var expected = await CodesAsync(c => c.Where(x => x.Issuer.Key == party || x.Responsibilities.Any(r => r.Party.Key == party)));

        total.ShouldBe(Math.Min(expected.Count, bound + 1));
        estimate.ShouldBe(expected.Count > bound);
    }

    /// <summary>
    /// Decision 0143: a party's key is read as its id before the query. A party of a few hundred commitments is read as
    /// its two index ranges (a UNION), the issuer of every commitment (past the list's bound) through one OR; with a
    /// status and in due order too, either way, the pages are the table's.
    /// </summary>
    [Theory]
    [InlineData("SYN-P07", null, true)]
    [InlineData("SYN-P07", "-due", true)]
    [InlineData("SYN-P07", "due", true)]
    [InlineData("SYN-P01", null, false)]
    [InlineData("SYN-P01", "-due", false)]
    [InlineData("NOT-A-PARTY", null, true)]
    public async Task A_party_with_a_status_lists_what_the_table_holds_whichever_way_its_commitments_are_read(string party, string? sort, bool union)
    {
        var filter = new CommitmentFilter { Party = party, Status = [LifecycleStatus.Captured] };
        var sql = await _ledger.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IApplicationDbContext>();
            return (await db.MatchingAsync(filter, _ledger.Clock.Today(), CancellationToken.None)).ToQueryString();
        });
        var expected = await CodesAsync(c => c.Where(x => x.CurrentStatus == LifecycleStatus.Captured
            && (x.Issuer.Key == party || x.Responsibilities.Any(r => r.Party.Key == party))));

        var page = await ListAsync(filter, sort);

        sql.Contains("UNION", StringComparison.Ordinal).ShouldBe(union, sql);
        page.TotalCount.ShouldBe(Math.Min(expected.Count, CommitmentPaging.MaxExactTotal + 1));
        var inOrder = sort is null ? expected : await _ledger.WithDbAsync(db => db.Commitments.AsNoTracking()
            .Where(x => expected.Contains(x.Code)).SortBy(sort).Select(x => x.Code).ToListAsync());
        page.Items.Select(i => i.Code).ShouldBe(inOrder.Take(25));
        if (party != "NOT-A-PARTY")
        {
            expected.ShouldNotBeEmpty("the comparison compares rows");
        }
    }

    /// <summary>
    /// Decision 0145: beside a party, a status, kind, due range or today's overdue test is read from the party's
    /// responsibilities' copies of its commitments' status, kind and due day, and the total counted from them with the
    /// commitments it issued; overdue on a past day is narrowed there to the windows closed by then (decision 0147), open-ended
    /// to the windows with no last day (decision 0149). The totals and pages are those of the commitments' own columns (and, as of a past day, of
    /// their status logs read in memory).
    /// </summary>
    [Theory]
    [InlineData("SYN-P07", "status")]
    [InlineData("SYN-P07", "statuses+kind")]
    [InlineData("SYN-P07", "due range")]
    [InlineData("SYN-P07", "overdue")]
    [InlineData("SYN-P07", "not overdue+kinds")]
    [InlineData("SYN-P07", "overdue as of a past day")]
    [InlineData("SYN-P07", "not overdue as of a past day")]
    [InlineData("SYN-P07", "open-ended")]
    [InlineData("SYN-P07", "open-ended+statuses")]
    public async Task A_party_with_what_its_responsibilities_hold_counts_and_lists_what_the_commitments_hold(string party, string criteria)
    {
        var today = _ledger.Clock.Today();
        var past = today.AddDays(-60);
        var open = new[] { LifecycleStatus.Captured, LifecycleStatus.Confirmed, LifecycleStatus.InProgress };
        var kinds = new[] { CommitmentKind.Cooperation, CommitmentKind.Hub, CommitmentKind.TradeTarget, CommitmentKind.Instruction };
        var (filter, holds) = criteria switch
        {
            "status" => (new CommitmentFilter { Status = [LifecycleStatus.Captured] }, (Func<Commitment, bool>)(c => c.CurrentStatus == LifecycleStatus.Captured)),
            "statuses+kind" => (new CommitmentFilter { Status = open, Kind = [CommitmentKind.Cooperation] }, c => open.Contains(c.CurrentStatus) && c.Kind == CommitmentKind.Cooperation),
            "due range" => (new CommitmentFilter { DueFrom = new DateOnly(2025, 1, 1), DueTo = new DateOnly(2026, 6, 30) }, c => c.DueLatest >= new DateOnly(2025, 1, 1) && c.DueLatest <= new DateOnly(2026, 6, 30)),
            "overdue" => (new CommitmentFilter { Overdue = true }, c => c.IsOverdue(today)),
            "not overdue+kinds" => (new CommitmentFilter { Overdue = false, Kind = kinds }, c => !c.IsOverdue(today) && kinds.Contains(c.Kind)),
            "not overdue as of a past day" => (new CommitmentFilter { Overdue = false, AsOf = past }, c => c.StatusOn(past) is { } status && !OverdueRule.Holds(status, c.DueLatest, past)),
            "open-ended" => (new CommitmentFilter { OpenEnded = true }, c => c.DuePrecision == DuePrecision.Open),
            "open-ended+statuses" => (new CommitmentFilter { OpenEnded = true, Status = open }, c => c.DuePrecision == DuePrecision.Open && open.Contains(c.CurrentStatus)),
            _ => (new CommitmentFilter { Overdue = true, AsOf = past }, c => c.StatusOn(past) is { } status && OverdueRule.Holds(status, c.DueLatest, past)),
        };
        filter = filter with { Party = party };

        // The oracle: the party's commitments with their logs, tested in memory by the domain's own rules.
        var ofParty = await _ledger.WithDbAsync(db => db.Commitments.AsNoTracking().Include(c => c.StatusLog).Include(c => c.Meeting)
            .Where(x => x.Issuer.Key == party || x.Responsibilities.Any(r => r.Party.Key == party)).ToListAsync());
        var expected = ofParty.Where(holds).Select(c => c.Code).Order(StringComparer.Ordinal).ToList();
        expected.ShouldNotBeEmpty("the comparison compares rows");
        expected.Count.ShouldBeLessThan(ofParty.Count, "the criteria narrow the party's commitments");

        var (total, estimate) = await _ledger.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IApplicationDbContext>();
            return await (await db.MatchingAsync(filter, today, CancellationToken.None)).BoundedCountAsync(db, filter, today, CancellationToken.None, 10);
        });
        total.ShouldBe(Math.Min(expected.Count, 11), "counted up to a bound of 10");
        estimate.ShouldBe(expected.Count > 10);

        var first = await ListAsync(filter);
        first.TotalCount.ShouldBe(expected.Count);
        first.TotalIsEstimate.ShouldBeFalse();
        first.Items.Select(i => i.Code).ShouldBe(expected.Take(25));
        var byDue = await ListAsync(filter, "-due");
        byDue.Items.Select(i => i.Code).ShouldBe(ofParty.Where(holds).OrderByDescending(c => c.DueLatest.HasValue).ThenByDescending(c => c.DueLatest).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Code).Take(25));
    }

    /// <summary>
    /// Decision 0144: with many matches a page sorted by title, update, meeting date, status or kind walks that order's
    /// index (for meeting date the meetings first) and tests each row; its pages, offsets too, are those of sorting the
    /// table. (A kind beside one status is sought, through the (status, kind, code) index.) In updated order a status or
    /// due range is tested in that order's index, and beside any order but code the open-ended test is kept from the
    /// planner (decision 0149); a due range alone, as here, is read from the due-day index and sorted (decision 0150).
    /// </summary>
    [Theory]
    [InlineData("title", "status")]
    [InlineData("-title", "status+kinds")]
    [InlineData("title", "party+not-overdue")]
    [InlineData("-updatedAt", "status")]
    [InlineData("updatedAt", "text+due")]
    [InlineData("-updatedAt", "due range")]
    [InlineData("-updatedAt", "open-ended")]
    [InlineData("-title", "open-ended")]
    [InlineData("-meetingDate", "status")]
    [InlineData("meetingDate", "kind+due")]
    [InlineData("-meetingDate", "none")]
    [InlineData("meetingDate", "text+due")]
    [InlineData("status", "kinds")]
    [InlineData("-status", "party+not-overdue")]
    [InlineData("-kind", "status")]
    [InlineData("kind", "text+due")]
    public async Task A_page_in_an_indexed_order_walked_is_the_tables_page(string sort, string filters)
    {
        var filter = filters switch
        {
            "status" => new CommitmentFilter { Status = [LifecycleStatus.Captured] },
            "status+kinds" => new CommitmentFilter { Status = [LifecycleStatus.Captured], Kind = [CommitmentKind.Cooperation, CommitmentKind.Hub, CommitmentKind.TradeTarget, CommitmentKind.Instruction] },
            "kinds" => new CommitmentFilter { Kind = [CommitmentKind.Cooperation, CommitmentKind.Hub, CommitmentKind.TradeTarget] },
            "party+not-overdue" => new CommitmentFilter { Party = "SYN-P01", Overdue = false },
            "kind+due" => new CommitmentFilter { Kind = [CommitmentKind.Cooperation], DueTo = new DateOnly(2026, 12, 31) },
            "text+due" => new CommitmentFilter { Q = "agreed", DueFrom = new DateOnly(2024, 6, 1) },
            "due range" => new CommitmentFilter { DueFrom = new DateOnly(2025, 1, 1), DueTo = new DateOnly(2025, 12, 31) },
            "open-ended" => new CommitmentFilter { OpenEnded = true },
            _ => new CommitmentFilter(),
        };

        // The oracle: the matches as the seek shape finds them (checked against the table elsewhere), sorted by the table.
        var expected = await _ledger.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IApplicationDbContext>();
            var matching = await (await db.MatchingAsync(filter, _ledger.Clock.Today(), CancellationToken.None)).Select(c => c.Code).ToListAsync();
            matching.Count.ShouldBeGreaterThan(500, "enough matches that the list walks the order's index");
            return await db.Commitments.AsNoTracking().Where(x => matching.Contains(x.Code)).SortBy(sort).Select(x => x.Code).ToListAsync();
        });

        // Pages 1 and 3, and in status or kind order the page where the first value ends (read value by value).
        var pages = new List<int> { 1, 3 };
        if (sort.TrimStart('-') is "status" or "kind")
        {
            var values = await _ledger.WithDbAsync(db => db.Commitments.AsNoTracking().SortBy(sort)
                .Where(x => expected.Contains(x.Code)).Select(x => sort.EndsWith("status", StringComparison.Ordinal) ? x.CurrentStatus.ToString() : x.Kind.ToString()).ToListAsync());
            var end = values.FindIndex(v => v != values[0]);
            end.ShouldBeGreaterThan(0, "the matches hold more than one value");
            pages.Add((end / 25) + 1);
        }

        foreach (var number in pages)
        {
            var page = await _ledger.SendAsync(new ListCommitmentsQuery(filter, sort, number, 25));

            page.Items.Select(i => i.Code).ShouldBe(expected.Skip((number - 1) * 25).Take(25), $"page {number} of {sort} with {filters}");
        }
    }

    [Theory]
    [InlineData("tram", 100)]
    [InlineData("tram", CommitmentPaging.MaxExactTotal)]
    [InlineData("nothing-like-this", 100)]
    public async Task A_text_filter_alone_counts_the_index_hits_as_the_table_counts_the_matches(string q, int bound)
    {
        // The oracle: every matching commitment listed (quotes and summaries are searched too, so no LIKE here).
        var filter = new CommitmentFilter { Q = q };
        var (total, estimate, expected) = await _ledger.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<IApplicationDbContext>();
            db.TextHits(q).ShouldNotBeNull("SQLite counts its full-text hits");
            var matching = db.Matching(filter, _ledger.Clock.Today());
            var (total, estimate) = await matching.BoundedCountAsync(db, filter, _ledger.Clock.Today(), CancellationToken.None, bound);
            return (total, estimate, await matching.CountAsync());
        });

        total.ShouldBe(Math.Min(expected, bound + 1));
        estimate.ShouldBe(expected > bound);
        if (q == "tram")
        {
            expected.ShouldBeGreaterThan(100, "a tenth of the synthetic titles speak of trams");
        }
    }
}
