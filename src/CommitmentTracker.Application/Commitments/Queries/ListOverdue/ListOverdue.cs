using AutoMapper;
using AutoMapper.QueryableExtensions;
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
public sealed record ListOverdueQuery(CommitmentFilter Filter, int Page = 1, int PageSize = PagedResult<OverdueItemDto>.DefaultPageSize, string? After = null)
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

    /// <summary>The lead party's name, for people; the key stays what clients filter by.</summary>
    public string? LeadPartyName { get; init; }

    public DueWindowDto Due { get; init; } = new();

    public int DaysOverdue { get; set; }
}

public sealed class OverdueItemMappings : Profile
{
    public OverdueItemMappings()
    {
        CreateMap<Commitment, OverdueItemDto>()
            .ForMember(d => d.Due, o => o.MapFrom(DueWindowDto.OfCommitment))
            .ForMember(d => d.LeadPartyKey, o => o.MapFrom(c => c.Responsibilities.Where(r => r.Role == ResponsibilityRole.Lead).Select(r => r.Party.Key).FirstOrDefault()))
            .ForMember(d => d.LeadPartyName, o => o.MapFrom(c => c.Responsibilities.Where(r => r.Role == ResponsibilityRole.Lead).Select(r => r.Party.Name).FirstOrDefault()))
            .ForMember(d => d.Status, o => o.Ignore())
            .ForMember(d => d.DaysOverdue, o => o.Ignore());

        // The status is the one on the as-of day, not the current one; days overdue are counted after the query.
        CreateMap<CommitmentOnDay, OverdueItemDto>()
            .IncludeMembers(x => x.Commitment)
            .ForMember(d => d.Status, o => o.MapFrom(x => x.Status))
            .ForMember(d => d.DaysOverdue, o => o.Ignore());
    }
}

public sealed class ListOverdueValidator : AbstractValidator<ListOverdueQuery>
{
    public ListOverdueValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new CommitmentFilterValidator());
        RuleFor(x => x.Page).IsPage().IsWithinOffsetBound(x => x.PageSize);
        RuleFor(x => x.After).MaximumLength(Commitment.MaxCodeLength);
        RuleFor(x => x.Page).Equal(1).When(x => x.After is not null).WithMessage("'Page' and 'after' do not go together: 'after' already says where the page starts.");
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagedResult<OverdueItemDto>.MaxPageSize);
    }
}

public sealed class ListOverdueHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock, ICurrentActor actor) : IQueryHandler<ListOverdueQuery, PagedResult<OverdueItemDto>>
{
    public async ValueTask<PagedResult<OverdueItemDto>> Handle(ListOverdueQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var asOf = query.Filter.AsOf ?? today;
        var overdue = (await db.MatchingAsync(query.Filter.ForActor(actor) with { Overdue = null }, today, cancellationToken))
            .OnDayRowByRow(db, asOf, today)
            .Overdue(asOf);

        int total;
        var estimate = false;
        if ((query.Filter with { AsOf = null, Overdue = null }).HasNoCriteria())
        {
            // Nothing but the day: the dashboard projection has the exact number without counting (decision 0022), so
            // the bounded count of up to 10,001 overdue rows is not run first (decision 0041).
            total = await db.DashboardCounts.OverdueCountAsync(asOf, cancellationToken);
        }
        else
        {
            (total, estimate) = await overdue.BoundedCountAsync(cancellationToken);
        }

        if (query.After is not null)
        {
            // The same order as the first page (due, then code), continued from the item coded After.
            var anchor = await db.Commitments.AsNoTracking().Where(c => c.Code == query.After).Select(c => new { c.Code, c.DueLatest }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("after", $"'after' must be the code of a commitment; '{query.After}' is not one.")]);
            overdue = overdue.Where(x => x.Commitment.DueLatest > anchor.DueLatest || (x.Commitment.DueLatest == anchor.DueLatest && x.Commitment.Code.CompareTo(anchor.Code) > 0));
        }

        var items = await overdue
            .OrderBy(x => x.Commitment.DueLatest).ThenBy(x => x.Commitment.Code)
            .Skip(query.After is null ? (query.Page - 1) * query.PageSize : 0).Take(query.PageSize)
            .ProjectTo<OverdueItemDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);

        foreach (var item in items)
        {
            item.DaysOverdue = OverdueRule.DaysPast(item.Due.Latest, asOf);
        }

        return new PagedResult<OverdueItemDto>(items, query.Page, query.PageSize, total)
        {
            TotalIsEstimate = estimate,
            Next = items.Count == query.PageSize ? items[^1].Code : null,
        };
    }
}
