using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Calendar;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.CalendarFeeds.Common;

public static class OwnedFeeds
{
    /// <summary>
    /// The sender's feed with this id. Someone else's feed is "not found" rather than forbidden, so ids of other
    /// people's feeds reveal nothing. With <paramref name="administratorsSeeAll"/> an administrator finds anyone's
    /// feed (to see and stop what was shared); never to rotate it, which would hand them its owner's new address.
    /// </summary>
    public static async Task<CalendarFeed> OwnedFeedAsync(this IApplicationDbContext db, Guid id, ICurrentActor actor, CancellationToken ct, bool administratorsSeeAll = false)
    {
        var owner = actor.Principal.ActorId();
        var anyOwner = administratorsSeeAll && actor.Principal.Can(Access.Administer);
        return await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == id && (anyOwner || f.Owner == owner), ct)
            ?? throw new NotFoundException("Calendar feed", id.ToString());
    }

    /// <summary>
    /// Whether the person or key that made a feed may still read: a feed is a standing read of the commitments, so
    /// it stops when its owner's key is revoked or expired, or the owner's account is gone or locked.
    /// </summary>
    public static async Task<bool> OwnerMayStillReadAsync(this IApplicationDbContext db, IUserDirectory users, string owner, DateTimeOffset now, CancellationToken ct)
    {
        if (owner.StartsWith("key:", StringComparison.Ordinal))
        {
            if (!Guid.TryParse(owner.AsSpan(4), out var keyId))
            {
                return false;
            }

            var key = await db.ApiKeys.AsNoTracking().Where(k => k.Id == keyId).Select(k => new { k.RevokedAt, k.ExpiresAt }).FirstOrDefaultAsync(ct);
            return key is not null && key.RevokedAt is null && (key.ExpiresAt is null || key.ExpiresAt > now);
        }

        return !await users.IsBarredAsync(owner, ct);
    }
}
