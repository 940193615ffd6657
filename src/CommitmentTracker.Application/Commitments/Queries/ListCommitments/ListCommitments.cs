using System.Linq.Expressions;
using System.Text.Json;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Queries.ListCommitments;

/// <summary>
/// A page of commitments matching <see cref="Filter"/>. <see cref="Sort"/> is one of the whitelisted keys,
/// prefixed with '-' for descending; ties are broken by code so pages never overlap.
/// </summary>
[Requires(Access.Read)]
public sealed record ListCommitmentsQuery(CommitmentFilter Filter, string? Sort = null, int Page = 1, int PageSize = PagedResult<CommitmentSummaryDto>.DefaultPageSize, string? After = null)
    : IQuery<PagedResult<CommitmentSummaryDto>>;

public sealed class ListCommitmentsValidator : AbstractValidator<ListCommitmentsQuery>
{
    public ListCommitmentsValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new CommitmentFilterValidator());
        RuleFor(x => x.Sort).Must(s => string.IsNullOrWhiteSpace(s) || CommitmentSorting.IsKnown(s))
            .WithMessage($"'Sort' must be one of: {string.Join(", ", CommitmentSorting.Keys)} (prefix '-' for descending).");
        RuleFor(x => x.Page).IsPage().IsWithinOffsetBound(x => x.PageSize);
        RuleFor(x => x.After).MaximumLength(Commitment.MaxCodeLength);
        RuleFor(x => x.Page).Equal(1).When(x => x.After is not null).WithMessage("'Page' and 'after' do not go together: 'after' already says where the page starts.");
        RuleFor(x => x.Sort).Must(CommitmentPaging.FollowsKeyset).When(x => x.After is not null)
            .WithMessage($"'after' follows these sorts only: {string.Join(", ", CommitmentPaging.KeysetSorts)}.");
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagedResult<CommitmentSummaryDto>.MaxPageSize);
    }
}

public sealed class ListCommitmentsHandler(
    IApplicationDbContext db, IMapper mapper, TimeProvider clock, ICurrentActor actor, IChangeLog log, TextSearchSnapshots searches, LedgerSize ledger)
    : IQueryHandler<ListCommitmentsQuery, PagedResult<CommitmentSummaryDto>>
{
    public async ValueTask<PagedResult<CommitmentSummaryDto>> Handle(ListCommitmentsQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        query = query with { Filter = query.Filter.ForActor(actor) };
        if (string.IsNullOrWhiteSpace(query.Filter.Q) || db.InTransaction)
        {
            return await ReadAsync(query, today, cancellationToken);
        }

        // A text search reads every hit of the full-text index to order them by code (about 30 ms for a word in 100,000
        // commitments at a million), the same for everyone asking: the page is kept until the feed's head moves
        // (decision 0051). The question is the whole query as JSON (lists compared by value, "me" already resolved to
        // the person) and the day, which "overdue" is judged on. The head is read before the page, never after.
        var question = (JsonSerializer.Serialize(query), today);
        var head = await log.HeadAsync(CommitmentReadSources.EntityTypes, cancellationToken);
        if (searches.TryGet<PagedResult<CommitmentSummaryDto>>(question, head, out var kept))
        {
            return kept;
        }

        var page = await ReadAsync(query, today, cancellationToken);
        searches.Add(question, head, page);
        return page;
    }

    private async Task<PagedResult<CommitmentSummaryDto>> ReadAsync(ListCommitmentsQuery asked, DateOnly today, CancellationToken cancellationToken)
    {
        var query = asked with { Filter = await asked.Filter.WithPartyReadAsync(db, cancellationToken) };
        var commitments = db.Matching(query.Filter, today);
        var shape = ListShape.Seek;
        int total;
        var estimate = false;
        if (query.Filter.HasNoCriteria())
        {
            // No filter: the dashboard projection has the exact number without counting (decision 0022), so the
            // bounded count of 10,001 rows is not run first (decision 0041).
            total = await db.DashboardCounts.CommitmentCountAsync(cancellationToken);

            // Every row matches, so an order with an index is walked (for meeting date the meetings first, decision 0144).
            if (CommitmentSorting.WalksItsIndex(query.Sort, query.Filter))
            {
                shape = ListShape.WalkSortOrder;
            }
        }
        else
        {
            // Overdue and nothing else (a day at most): the projection's overdue figure is the exact number (decision 0046).
            var overdueAlone = query.Filter.Overdue == true && (query.Filter with { Overdue = null, AsOf = null }).HasNoCriteria();

            // A due range in updated order is counted further, to tell whether reading all of it is cheap (decision
            // 0150); the total reported stays bounded as for every other list.
            var rangeInUpdatedOrder = CommitmentPaging.SeeksDueRangeInUpdatedOrder(query.Sort, query.Filter);
            (total, estimate) = overdueAlone
                ? (await db.DashboardCounts.OverdueCountAsync(query.Filter.AsOf ?? today, cancellationToken), false)
                : await commitments.BoundedCountAsync(db, query.Filter, today, cancellationToken,
                    rangeInUpdatedOrder ? CommitmentPaging.MaxDueRangeSeek : CommitmentPaging.MaxExactTotal);
            var seekRange = rangeInUpdatedOrder && !estimate;
            if (rangeInUpdatedOrder && total > CommitmentPaging.MaxExactTotal)
            {
                (total, estimate) = (CommitmentPaging.MaxExactTotal + 1, true);
            }

            var dueOrder = CommitmentPaging.IsDueSort(query.Sort) && (query.After is not null || query.Page == 1);
            if (!seekRange && (CommitmentPaging.InCodeOrder(query.Sort) || dueOrder || CommitmentSorting.WalksItsIndex(query.Sort, query.Filter)) && total > 0)
            {
                // Many matches: a page in code, due or another indexed order (title, updated, meeting date, status, kind)
                // is found by walking that order's index and testing rows (a few hundred at most), where seeking the
                // filter's own index sorted every match, or beside a party every commitment of the party (decisions 0028,
                // 0062, 0140, 0141, 0144). "Many" is relative to the ledger, so below the bound the projection's number of
                // commitments decides, as read in the last few seconds (decision 0064: the shape changes the cost, never
                // the rows).
                var all = total > CommitmentPaging.MaxExactTotal ? total : await ledger.CommitmentCountAsync(db.DashboardCounts, cancellationToken);
                var rowsNeeded = query.After is null ? query.Page * query.PageSize : query.PageSize;
                var candidates = await CommitmentPaging.SeekCandidatesAsync(db, query.Filter, cancellationToken);
                if (CommitmentPaging.WalksOrder(total, all, rowsNeeded, candidates))
                {
                    shape = dueOrder ? ListShape.WalkDueOrder : CommitmentPaging.InCodeOrder(query.Sort) ? ListShape.Walk : ListShape.WalkSortOrder;
                    commitments = db.Matching(query.Filter, today, shape);
                }
            }
        }

        List<CommitmentSummaryDto> items;
        if (CommitmentPaging.IsDueSort(query.Sort) && (query.After is not null || query.Page == 1))
        {
            items = await commitments.DuePageAsync(db, query.After, query.Sort!, query.PageSize,
                segment => segment.ProjectTo<CommitmentSummaryDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken), cancellationToken,
                undated: query.Filter.OpenEnded == true, fewMatches: shape == ListShape.Seek && !query.Filter.HasNoCriteria());
        }
        else
        {
            var page = query.After is null ? commitments : await commitments.AfterAsync(db, query.After, query.Sort, cancellationToken);
            var skip = query.After is null ? (query.Page - 1) * query.PageSize : 0;
            IQueryable<Commitment> window = page.SortBy(query.Sort).Skip(skip).Take(query.PageSize);
            if (!CommitmentPaging.InCodeOrder(query.Sort))
            {
                // In another order the page's codes are found first, then their rows: ties in the sort column are ordered
                // by code, and an index in that order is read without its rows (descending status at a million: the
                // engine read and sorted the rows of the whole last status, 0.34 s, for 25; the codes alone 25 ms).
                var codes = await page.PageCodesAsync(db, query.Sort, skip, query.PageSize, walk: shape != ListShape.Seek, cancellationToken);
                window = db.Commitments.AsNoTracking().Where(c => codes.Contains(c.Code)).SortBy(query.Sort);
            }

            items = await window
                .ProjectTo<CommitmentSummaryDto>(mapper.ConfigurationProvider)
                .ToListAsync(cancellationToken);
        }

        return new PagedResult<CommitmentSummaryDto>(items, query.Page, query.PageSize, total)
        {
            TotalIsEstimate = estimate,
            Next = items.Count == query.PageSize && CommitmentPaging.FollowsKeyset(query.Sort) ? items[^1].Code : null,
        };
    }
}
