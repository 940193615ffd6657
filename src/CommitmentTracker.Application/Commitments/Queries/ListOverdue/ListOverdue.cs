using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Queries.ListOverdue;

/// <summary>
/// What was overdue at the end of a day (today by default), most overdue first. The rest of
/// <see cref="Filter"/> narrows it (party, kind, meeting, text); its Overdue flag is ignored.
/// </summary>
[Requires(Access.Read)]
public sealed record ListOverdueQuery(CommitmentFilter Filter, int Page = 1, int PageSize = PagedResult<OverdueItemDto>.DefaultPageSize)
    : IQuery<PagedResult<OverdueItemDto>>;

public sealed class OverdueItemDto
{
    public Guid Id { get; init; }

    public string Code { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public CommitmentKind Kind { get; init; }

    /// <summary>The status on the as-of day.</summary>
    public LifecycleStatus Status { get; init; }

    public string MeetingCode { get; init; } = string.Empty;

    public string IssuerKey { get; init; } = string.Empty;

    public string? LeadPartyKey { get; init; }

    public DueWindowDto Due { get; init; } = new();

    public int DaysOverdue { get; set; }
}

public sealed class ListOverdueValidator : AbstractValidator<ListOverdueQuery>
{
    public ListOverdueValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new CommitmentFilterValidator());
        RuleFor(x => x.Page).IsPage();
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagedResult<OverdueItemDto>.MaxPageSize);
    }
}

public sealed class ListOverdueHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<ListOverdueQuery, PagedResult<OverdueItemDto>>
{
    public async ValueTask<PagedResult<OverdueItemDto>> Handle(ListOverdueQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var asOf = query.Filter.AsOf ?? today;
        var overdue = db.Commitments.AsNoTracking()
            .Apply(query.Filter with { Overdue = null }, db, today)
            .OnDay(db, asOf, today)
            .Overdue(asOf)
            .Select(x => new { c = x.Commitment, x.Status });

        var total = await overdue.CountAsync(cancellationToken);
        var items = await overdue
            .OrderBy(x => x.c.DueLatest).ThenBy(x => x.c.Code)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(x => new OverdueItemDto
            {
                Id = x.c.Id,
                Code = x.c.Code,
                Title = x.c.Title,
                Kind = x.c.Kind,
                Status = x.Status,
                MeetingCode = x.c.Meeting.Code,
                IssuerKey = x.c.Issuer.Key,
                LeadPartyKey = x.c.Responsibilities.Where(r => r.Role == ResponsibilityRole.Lead).Select(r => r.Party.Key).FirstOrDefault(),
                Due = new DueWindowDto { Phrase = x.c.DuePhrase!, Precision = x.c.DuePrecision!.Value, Earliest = x.c.DueEarliest, Latest = x.c.DueLatest },
            })
            .ToListAsync(cancellationToken);

        foreach (var item in items)
        {
            item.DaysOverdue = OverdueRule.DaysPast(item.Due.Latest, asOf);
        }

        return new PagedResult<OverdueItemDto>(items, query.Page, query.PageSize, total);
    }
}
