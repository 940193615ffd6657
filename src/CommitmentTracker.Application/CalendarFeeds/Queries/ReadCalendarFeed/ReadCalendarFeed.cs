using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.CalendarFeeds.Common;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Calendar;
using CommitmentTracker.Domain.Commitments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.CalendarFeeds.Queries.ReadCalendarFeed;

/// <summary>
/// What a calendar client sees when it polls a subscription address: the feed's commitments that have a closed due
/// window, each as an all-day span from the window's first to its last day, evaluated afresh on every poll so
/// status changes show up. The token is the credential, hence <see cref="PublicAttribute"/>: an unknown or revoked
/// token is "not found", never a hint that the feed exists.
/// </summary>
[Public]
public sealed record ReadCalendarFeedQuery(string Token) : IQuery<CalendarFeedContent>;

public sealed record CalendarFeedContent(Guid FeedId, string Name, IReadOnlyList<DueWindowEvent> Events);

/// <summary>One commitment's due window as a calendar event; <see cref="Last"/> is inclusive.</summary>
public sealed record DueWindowEvent(
    Guid CommitmentId,
    string Code,
    string Title,
    LifecycleStatus Status,
    string DuePhrase,
    DateOnly First,
    DateOnly Last,
    string? Quote,
    long Version,
    DateTimeOffset UpdatedAt);

public sealed class ReadCalendarFeedHandler(IApplicationDbContext db, IUserDirectory users, TimeProvider clock) : IQueryHandler<ReadCalendarFeedQuery, CalendarFeedContent>
{
    /// <summary>Calendar apps choke long before this; a feed this large is a filter that needs narrowing.</summary>
    public const int MaxEvents = 5000;

    public async ValueTask<CalendarFeedContent> Handle(ReadCalendarFeedQuery query, CancellationToken cancellationToken)
    {
        var hash = CalendarFeed.HashOf(query.Token);
        // The token is not echoed: it is a secret, and problem details end up in logs.
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, cancellationToken)
            ?? throw new NotFoundException("Calendar feed", "at this address");
        if (!await db.OwnerMayStillReadAsync(users, feed.Owner, clock.GetUtcNow(), cancellationToken))
        {
            throw new NotFoundException("Calendar feed", "at this address");
        }

        // Open windows ("in the near future") have no last day: a calendar cannot show them honestly, so they stay out.
        var events = await (await db.MatchingAsync(SavedFilter.Read(feed.Filter), clock.Today(), cancellationToken))
            .Where(c => c.DuePhrase != null && c.DueLatest != null)
            .OrderBy(c => c.DueLatest).ThenBy(c => c.Code)
            .Take(MaxEvents)
            .Select(c => new DueWindowEvent(
                c.Id,
                c.Code,
                c.Title,
                c.CurrentStatus,
                c.DuePhrase!,
                c.DueEarliest ?? c.DueLatest!.Value,
                c.DueLatest!.Value,
                c.Spans.OrderBy(s => s.Start).Select(s => s.Quote).FirstOrDefault(),
                c.Version,
                c.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new CalendarFeedContent(feed.Id, feed.Name, events);
    }
}
