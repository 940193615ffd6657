using CommitmentTracker.Application.CalendarFeeds.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using Mediator;

namespace CommitmentTracker.Application.CalendarFeeds.Queries.GetCalendarFeed;

/// <summary>One of the sender's feeds, or for an administrator anyone's (without its token, which is never kept).</summary>
[Requires(Access.Read)]
public sealed record GetCalendarFeedQuery(Guid Id) : IQuery<CalendarFeedDto>;

public sealed class GetCalendarFeedHandler(IApplicationDbContext db, ICurrentActor actor) : IQueryHandler<GetCalendarFeedQuery, CalendarFeedDto>
{
    public async ValueTask<CalendarFeedDto> Handle(GetCalendarFeedQuery query, CancellationToken cancellationToken) =>
        CalendarFeedDto.From(await db.OwnedFeedAsync(query.Id, actor, cancellationToken, administratorsSeeAll: true));
}
