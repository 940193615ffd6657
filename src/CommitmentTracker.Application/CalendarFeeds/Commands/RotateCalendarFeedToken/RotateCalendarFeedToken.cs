using CommitmentTracker.Application.CalendarFeeds.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.CalendarFeeds.Commands.RotateCalendarFeedToken;

/// <summary>
/// Gives the sender's feed a new subscription address, e.g. after the old one was shared too widely: the old
/// address stops working at once. The new token is in the answer and cannot be read again later.
/// </summary>
[Requires(Access.Read)]
public sealed record RotateCalendarFeedTokenCommand(Guid Id) : ICommand<IssuedCalendarFeed>;

public sealed class RotateCalendarFeedTokenValidator : AbstractValidator<RotateCalendarFeedTokenCommand>
{
    public RotateCalendarFeedTokenValidator() => RuleFor(x => x.Id).NotEmpty();
}

public sealed class RotateCalendarFeedTokenHandler(IApplicationDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<RotateCalendarFeedTokenCommand, IssuedCalendarFeed>
{
    public async ValueTask<IssuedCalendarFeed> Handle(RotateCalendarFeedTokenCommand command, CancellationToken cancellationToken)
    {
        var feed = await db.OwnedFeedAsync(command.Id, actor, cancellationToken);
        var token = feed.RotateToken(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedCalendarFeed(CalendarFeedDto.From(feed), token);
    }
}
