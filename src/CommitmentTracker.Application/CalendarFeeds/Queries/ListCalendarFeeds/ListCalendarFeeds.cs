using CommitmentTracker.Application.CalendarFeeds.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.CalendarFeeds.Queries.ListCalendarFeeds;

/// <summary>The sender's own feeds, newest first, revoked ones included; everyone's for an administrator who asks.</summary>
[Requires(Access.Read)]
public sealed record ListCalendarFeedsQuery(bool Everyone = false) : IQuery<IReadOnlyList<CalendarFeedDto>>, IAccessByContent
{
    /// <summary>Seeing other people's feeds is an administrator's oversight.</summary>
    public Access RequiredAccess => Everyone ? Access.Administer : Access.Read;
}

public sealed class ListCalendarFeedsHandler(IApplicationDbContext db, ICurrentActor actor)
    : IQueryHandler<ListCalendarFeedsQuery, IReadOnlyList<CalendarFeedDto>>
{
    public async ValueTask<IReadOnlyList<CalendarFeedDto>> Handle(ListCalendarFeedsQuery query, CancellationToken cancellationToken)
    {
        var owner = actor.Principal.ActorId();
        var feeds = await db.CalendarFeeds.AsNoTracking().Where(f => query.Everyone || f.Owner == owner)
            .OrderByDescending(f => f.CreatedAt).ThenBy(f => f.Name)
            .ToListAsync(cancellationToken);
        return [.. feeds.Select(CalendarFeedDto.From)];
    }
}
