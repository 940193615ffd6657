using System.Linq.Expressions;
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
public sealed record ListCommitmentsQuery(CommitmentFilter Filter, string? Sort = null, int Page = 1, int PageSize = PagedResult<CommitmentSummaryDto>.DefaultPageSize)
    : IQuery<PagedResult<CommitmentSummaryDto>>;

public sealed class ListCommitmentsValidator : AbstractValidator<ListCommitmentsQuery>
{
    public ListCommitmentsValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new CommitmentFilterValidator());
        RuleFor(x => x.Sort).Must(s => string.IsNullOrWhiteSpace(s) || CommitmentSorting.IsKnown(s))
            .WithMessage($"'Sort' must be one of: {string.Join(", ", CommitmentSorting.Keys)} (prefix '-' for descending).");
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagedResult<CommitmentSummaryDto>.MaxPageSize);
    }
}

public sealed class ListCommitmentsHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock)
    : IQueryHandler<ListCommitmentsQuery, PagedResult<CommitmentSummaryDto>>
{
    public async ValueTask<PagedResult<CommitmentSummaryDto>> Handle(ListCommitmentsQuery query, CancellationToken cancellationToken)
    {
        var commitments = db.Commitments.AsNoTracking().Apply(query.Filter, db, clock.Today());
        var total = await commitments.CountAsync(cancellationToken);
        var items = await commitments.SortBy(query.Sort)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ProjectTo<CommitmentSummaryDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
        return new PagedResult<CommitmentSummaryDto>(items, query.Page, query.PageSize, total);
    }
}
