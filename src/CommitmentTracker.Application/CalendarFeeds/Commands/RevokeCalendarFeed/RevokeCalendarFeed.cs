using CommitmentTracker.Application.CalendarFeeds.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.CalendarFeeds.Commands.RevokeCalendarFeed;

/// <summary>
/// Stops the sender's feed for good: its address answers 404 from now on. The feed stays listed (revoked) so its
/// owner can see what was shared and when it stopped. Revoking again changes nothing. An administrator may revoke
/// anyone's feed.
/// </summary>
[Requires(Access.Read)]
public sealed record RevokeCalendarFeedCommand(Guid Id) : ICommand<CalendarFeedDto>;

public sealed class RevokeCalendarFeedValidator : AbstractValidator<RevokeCalendarFeedCommand>
{
    public RevokeCalendarFeedValidator() => RuleFor(x => x.Id).NotEmpty();
}

public sealed class RevokeCalendarFeedHandler(IApplicationDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<RevokeCalendarFeedCommand, CalendarFeedDto>
{
    public async ValueTask<CalendarFeedDto> Handle(RevokeCalendarFeedCommand command, CancellationToken cancellationToken)
    {
        var feed = await db.OwnedFeedAsync(command.Id, actor, cancellationToken, administratorsSeeAll: true);
        feed.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return CalendarFeedDto.From(feed);
    }
}
