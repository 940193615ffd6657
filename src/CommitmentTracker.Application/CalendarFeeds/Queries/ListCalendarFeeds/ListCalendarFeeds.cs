using CommitmentTracker.Application.CalendarFeeds.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.CalendarFeeds.Queries.ListCalendarFeeds;

/// <summary>The sender's own feeds, newest first, revoked ones included.</summary>
[Requires(Access.Read)]
public sealed record ListCalendarFeedsQuery : IQuery<IReadOnlyList<CalendarFeedDto>>;

public sealed class ListCalendarFeedsHandler(IApplicationDbContext db, ICurrentActor actor)
    : IQueryHandler<ListCalendarFeedsQuery, IReadOnlyList<CalendarFeedDto>>
{
    public async ValueTask<IReadOnlyList<CalendarFeedDto>> Handle(ListCalendarFeedsQuery query, CancellationToken cancellationToken)
    {
        var feeds = await db.CalendarFeeds.AsNoTracking().Where(f => f.Owner == actor.Principal.ActorId())
            .OrderByDescending(f => f.CreatedAt).ThenBy(f => f.Name)
            .ToListAsync(cancellationToken);
        return [.. feeds.Select(CalendarFeedDto.From)];
    }
}
