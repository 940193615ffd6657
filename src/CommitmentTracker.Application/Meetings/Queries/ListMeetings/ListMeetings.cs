using AutoMapper;
using AutoMapper.QueryableExtensions;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Meetings.Queries.ListMeetings;

/// <summary>Meetings, newest first, optionally within a date range or matching text in code, title or place.</summary>
[Requires(Access.Read)]
public sealed record ListMeetingsQuery(string? Q = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = PagedResult<MeetingSummaryDto>.DefaultPageSize)
    : IQuery<PagedResult<MeetingSummaryDto>>
{
    /// <summary>The longest <see cref="Q"/> the list takes.</summary>
    public const int MaxTextLength = 200;
}

public sealed class ListMeetingsValidator : AbstractValidator<ListMeetingsQuery>
{
    public ListMeetingsValidator()
    {
        RuleFor(x => x.Q).MaximumLength(ListMeetingsQuery.MaxTextLength);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("'To' must not be before 'From'.");
        RuleFor(x => x.Page).IsPage();
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagedResult<MeetingSummaryDto>.MaxPageSize);
    }
}

public sealed class ListMeetingsHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListMeetingsQuery, PagedResult<MeetingSummaryDto>>
{
    public async ValueTask<PagedResult<MeetingSummaryDto>> Handle(ListMeetingsQuery query, CancellationToken cancellationToken)
    {
        var meetings = db.Meetings.AsNoTracking();
        if (query.From is { } from)
        {
            meetings = meetings.Where(m => m.Date >= from);
        }

        if (query.To is { } to)
        {
            meetings = meetings.Where(m => m.Date <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var pattern = TextSearch.Pattern(query.Q);
            meetings = meetings.Where(m => EF.Functions.Like(m.Code, pattern, TextSearch.Escape) || EF.Functions.Like(m.Title, pattern, TextSearch.Escape) || EF.Functions.Like(m.Place, pattern, TextSearch.Escape));
        }

        var total = await meetings.CountAsync(cancellationToken);
        var page = await meetings
            .OrderByDescending(m => m.Date).ThenBy(m => m.Code)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ProjectTo<MeetingSummaryDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);

        var ids = page.Select(m => m.Id).ToList();
        var counts = await db.Commitments.Where(c => ids.Contains(c.MeetingId))
            .GroupBy(c => c.MeetingId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        foreach (var meeting in page)
        {
            meeting.CommitmentCount = counts.GetValueOrDefault(meeting.Id);
        }

        return new PagedResult<MeetingSummaryDto>(page, query.Page, query.PageSize, total);
    }
}
