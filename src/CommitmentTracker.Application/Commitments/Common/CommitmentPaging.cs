using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Common;

/// <summary>
/// How lists of commitments page at a million rows (decision 0023). Offset pages (page=) reach the first
/// <see cref="MaxOffset"/> rows only: an offset is read and thrown away, so page 2,000 cost 80× page 1. Past that, and
/// whenever a client reads on, <c>after=</c> (the code of the last item it has) continues from that item through an
/// index: every page costs what the first does. Totals are exact up to <see cref="MaxExactTotal"/>; above it a total is
/// marked as an estimate (at least that many) unless the dashboard projection knows it exactly.
/// </summary>
public static class CommitmentPaging
{
    public const int MaxOffset = 10_000;

    public const int MaxExactTotal = 10_000;

    /// <summary>The sorts <c>after=</c> follows: those whose order an index gives.</summary>
    public static readonly string[] KeysetSorts = ["code", "-code", "due", "-due"];

    public static IRuleBuilderOptions<T, int> IsWithinOffsetBound<T>(this IRuleBuilder<T, int> rule, Func<T, int> pageSize) =>
        rule.Must((query, page) => (long)(page - 1) * pageSize(query) < MaxOffset)
            .WithMessage($"'{{PropertyName}}' reaches past the first {MaxOffset:N0} rows; read further with after=<code of the last item> instead of a page number.");

    public static bool FollowsKeyset(string? sort) =>
        string.IsNullOrWhiteSpace(sort) || KeysetSorts.Contains(sort.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The default sort and code / -code: the orders the unique code index gives.</summary>
    public static bool InCodeOrder(string? sort) =>
        string.IsNullOrWhiteSpace(sort) || sort.Trim().ToLowerInvariant() is "code" or "-code";

    /// <summary>
    /// How many commitments a due range may hold for a page of it in updated order to be found by reading the whole range
    /// from the due-day index, which carries each one's update time, and sorting it (decision 0150): about 2 ms for each
    /// 10,000 on SQLite. Walking the updated order instead tests rows from the newest change on, and a range due long ago
    /// was changed long ago: the quarter to 31 March 2025 came after 225,000 others at a million.
    /// </summary>
    public const int MaxDueRangeSeek = 50_000;

    /// <summary>
    /// A due range and nothing else, in updated order (decision 0150): the range is read from the due-day index and
    /// sorted by update time when it holds at most <see cref="MaxDueRangeSeek"/> commitments, whatever its share of the
    /// ledger, because how far the updated order's walk goes depends on when the range was last changed, not on its size.
    /// </summary>
    public static bool SeeksDueRangeInUpdatedOrder(string? sort, CommitmentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return sort?.Trim().ToLowerInvariant() is "updatedat" or "-updatedat"
            && (filter.DueFrom is not null || filter.DueTo is not null)
            && (filter with { DueFrom = null, DueTo = null }).HasNoCriteria();
    }

    /// <summary>
    /// Whether a page in code or due order among <paramref name="matching"/> of <paramref name="all"/> commitments, when
    /// <paramref name="rowsNeeded"/> rows must be read to fill it, is found by walking the order's index (decisions
    /// 0028, 0062, 0140, 0141). Walking it and testing each row reads about <c>rowsNeeded × all ÷ matching</c> rows when
    /// the matches are spread over the order; seeking reads and sorts every <paramref name="candidates"/> row the
    /// filter's index gives: the matches themselves, or all of a party's commitments when a party is one of several
    /// criteria (its index knows nothing of the others). So the walk is chosen once matching × candidates outnumbers
    /// rowsNeeded × all — for a filter with its own index, 5,000 matches of a million for a first page of 25, 500 of ten
    /// thousand — and always past <see cref="MaxExactTotal"/>, where the count is only a bound.
    /// </summary>
    public static bool WalksOrder(int matching, int all, int rowsNeeded, int? candidates = null) =>
        matching > MaxExactTotal || (long)matching * Math.Max(matching, candidates ?? 0) > (long)rowsNeeded * all;

    /// <summary>
    /// How many rows a seek for <paramref name="filter"/> reads before testing the rest of it: with a party and any
    /// other criterion, the party's commitments, those it issued and those it is responsible for (decision 0143: the
    /// issuer of nearly everything counted none before); otherwise null, meaning the matches themselves.
    /// </summary>
    public static async Task<int?> SeekCandidatesAsync(IApplicationDbContext db, CommitmentFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (string.IsNullOrWhiteSpace(filter.Party) || (filter with { Party = null }).HasNoCriteria())
        {
            return null;
        }

        return (await filter.WithPartyReadAsync(db, ct)).PartyRead!.Rows;
    }

    public static bool IsDueSort(string? sort) =>
        sort?.Trim().ToLowerInvariant() is "due" or "-due";

    /// <summary>The commitments after the one coded <paramref name="after"/> in code order (ascending or, with "-code", descending).</summary>
    public static async Task<IQueryable<Commitment>> AfterAsync(this IQueryable<Commitment> commitments, IApplicationDbContext db, string after, string? sort, CancellationToken ct)
    {
        var code = (await AnchorAsync(db, after, ct)).Code;
        return sort?.Trim().StartsWith('-') == true
            ? commitments.Where(c => c.Code.CompareTo(code) < 0)
            : commitments.Where(c => c.Code.CompareTo(code) > 0);
    }

    /// <summary>
    /// One page in due order (open-ended items first ascending, last descending, as <see cref="CommitmentSorting"/>
    /// orders them), from the start or after the item coded <paramref name="after"/>. Read as two segments — the
    /// items with a latest day in (due, code) order, and the open-ended ones in code order — because an ORDER BY on
    /// "has a due day" matches no index and made the engine sort every row for each page. <paramref name="undated"/>
    /// says the filter keeps only items without a latest day (open-ended): the dated segment is then known empty, and
    /// asking the engine cost a walk of every dated row (a second at a million). <paramref name="fewMatches"/> says the
    /// filter's own index finds the matches (the seek shape): whether each has a latest day is then tested on them, not
    /// sought, or SQLite read every undated commitment through the due index and tested the filter on each (0.2 s at a
    /// million for a meeting or a party of eight, decision 0143).
    /// </summary>
    public static async Task<List<T>> DuePageAsync<T>(
        this IQueryable<Commitment> commitments, IApplicationDbContext db, string? after, string sort, int size,
        Func<IQueryable<Commitment>, Task<List<T>>> read, CancellationToken ct, bool undated = false, bool fewMatches = false)
    {
        ArgumentNullException.ThrowIfNull(read);
        var descending = sort.Trim().StartsWith('-');
        var anchor = after is null ? null : await AnchorAsync(db, after, ct);
        var dated = fewMatches ? commitments.Where(c => !IndexHint.IsMissing(c.DueLatest)) : commitments.Where(c => c.DueLatest != null);
        var openEnded = fewMatches ? commitments.Where(c => IndexHint.IsMissing(c.DueLatest)) : commitments.Where(c => c.DueLatest == null);
        var segments = new List<(IQueryable<Commitment> Rows, bool Dated)>();
        if (!descending)
        {
            if (anchor is null || anchor.DueLatest is null)
            {
                var code = anchor?.Code;
                segments.Add(((code is null ? openEnded : openEnded.Where(c => c.Code.CompareTo(code) > 0)).OrderBy(c => c.Code), false));
                segments.Add((dated.OrderBy(c => c.DueLatest).ThenBy(c => c.Code), true));
            }
            else
            {
                // Two seeks, never "due >= d AND (due > d OR code > c)": with the OR the engine seeks on the day only
                // and filters the whole tie group before the anchor row by row (20,858 rows on PostgreSQL at 1 M).
                var (due, code) = (anchor.DueLatest, anchor.Code);
                segments.Add((dated.Where(c => c.DueLatest == due && c.Code.CompareTo(code) > 0).OrderBy(c => c.Code), true));
                segments.Add((dated.Where(c => c.DueLatest > due).OrderBy(c => c.DueLatest).ThenBy(c => c.Code), true));
            }
        }
        else if (anchor is null || anchor.DueLatest is not null)
        {
            // No "anchor is null OR …" in SQL: a parameter test in the predicate hides the index range from the planner.
            // After an anchor: the rest of its day (one seek on day and code), then the earlier days (one seek on day).
            var from = dated;
            if (anchor is not null)
            {
                var (due, code) = (anchor.DueLatest, anchor.Code);
                segments.Add((dated.Where(c => c.DueLatest == due && c.Code.CompareTo(code) > 0).OrderBy(c => c.Code), true));
                from = dated.Where(c => c.DueLatest < due);
            }

            segments.Add((from.OrderByDescending(c => c.DueLatest).ThenBy(c => c.Code), true));
            segments.Add((openEnded.OrderBy(c => c.Code), false));
        }
        else
        {
            var code = anchor.Code;
            segments.Add((openEnded.Where(c => c.Code.CompareTo(code) > 0).OrderBy(c => c.Code), false));
        }

        var items = new List<T>(size);
        foreach (var (segment, _) in segments.Where(s => !(undated && s.Dated)))
        {
            if (items.Count < size)
            {
                items.AddRange(await read(segment.Take(size - items.Count)));
            }
        }

        return items;
    }

    private static async Task<Anchor> AnchorAsync(IApplicationDbContext db, string after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Commitments.AsNoTracking().Where(c => c.Code == after).Select(c => new Anchor(c.Code, c.DueLatest)).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("after", $"'after' must be the code of a commitment; '{after}' is not one.")]);
    }

    private sealed record Anchor(string Code, DateOnly? DueLatest);

    /// <summary>
    /// The bounded count of <paramref name="rows"/> (the commitments matching <paramref name="filter"/>), the same
    /// answer as <see cref="BoundedCountAsync{T}"/>, found without counting commitments where something smaller tells
    /// (decision 0035): a party filter alone is "more than 10,000" when the dashboard projection says the party holds
    /// more than 10,000 responsibilities (one per commitment: a party holds one role in a commitment), and a text
    /// filter alone counts the full-text index's hits, which are one per commitment. A party with a status, kind, due
    /// range or today's overdue test counts its responsibilities' copies of those (decision 0145), with the commitments
    /// it issued that match, instead of reading each of its commitments (0.15 s for 34,000 at a million).
    /// </summary>
    public static async Task<(int Total, bool Estimate)> BoundedCountAsync(this IQueryable<Commitment> rows, IApplicationDbContext db, CommitmentFilter filter, DateOnly today, CancellationToken ct, int bound = MaxExactTotal)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        if (!string.IsNullOrWhiteSpace(filter.Party) && (filter with { Party = null }).HasNoCriteria())
        {
            if ((await filter.WithPartyReadAsync(db, ct)).PartyRead!.Responsible > bound)
            {
                return (bound + 1, true);
            }
        }
        else if (!string.IsNullOrWhiteSpace(filter.Party) && filter.NarrowsOnlyWhatResponsibilitiesHold(today)
            && (await filter.WithPartyReadAsync(db, ct)) is { PartyRead: { Few: true } party } read)
        {
            var held = db.HeldBy(read, party.Id, today);
            return party.Issued == 0
                ? await held.BoundedCountAsync(ct, bound)
                : await db.Commitments.Where(c => c.IssuerPartyId == party.Id).Apply(read with { Party = null }, db, today).Select(c => c.Id).Union(held).BoundedCountAsync(ct, bound);
        }
        else if (!string.IsNullOrWhiteSpace(filter.Q) && (filter with { Q = null }).HasNoCriteria() && db.TextHits(filter.Q) is { } hits)
        {
            return await hits.BoundedCountAsync(ct, bound);
        }

        return await rows.BoundedCountAsync(ct, bound);
    }

    /// <summary>
    /// The number of rows, counted only up to <see cref="MaxExactTotal"/> + 1 so that a broad filter never counts a
    /// million rows for one page: (count, false) when exact, (<see cref="MaxExactTotal"/> + 1, true) for "more than".
    /// </summary>
    public static async Task<(int Total, bool Estimate)> BoundedCountAsync<T>(this IQueryable<T> rows, CancellationToken ct, int bound = MaxExactTotal)
    {
        var counted = await rows.Take(bound + 1).CountAsync(ct);
        return counted > bound ? (counted, true) : (counted, false);
    }
}
