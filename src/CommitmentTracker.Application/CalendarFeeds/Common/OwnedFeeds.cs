using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.CalendarFeeds.Common;

public static class OwnedFeeds
{
    /// <summary>
    /// The sender's feed with this id. Someone else's feed is "not found" rather than forbidden, so ids of other
    /// people's feeds reveal nothing.
    /// </summary>
    public static async Task<CalendarFeed> OwnedFeedAsync(this IApplicationDbContext db, Guid id, ICurrentActor actor, CancellationToken ct) =>
        await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == id && f.Owner == actor.Principal.ActorId(), ct)
        ?? throw new NotFoundException("Calendar feed", id.ToString());
}
