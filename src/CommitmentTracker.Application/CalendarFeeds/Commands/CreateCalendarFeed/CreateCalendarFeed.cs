using CommitmentTracker.Application.CalendarFeeds.Common;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Calendar;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.CalendarFeeds.Commands.CreateCalendarFeed;

/// <summary>
/// Saves a commitments filter as a calendar feed of the sender's own. Any reader may, since the feed shows only what
/// they can already read. The answer carries the subscription token, which cannot be read again later.
/// </summary>
[Requires(Access.Read)]
public sealed record CreateCalendarFeedCommand(string Name, CommitmentFilter? Filter) : ICommand<IssuedCalendarFeed>;

public sealed class CreateCalendarFeedValidator : AbstractValidator<CreateCalendarFeedCommand>
{
    public CreateCalendarFeedValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CalendarFeed.MaxNameLength);

        // The body nests the filter, so its fields are named as the client wrote them: filter.dueTo.
        RuleFor(x => x.Filter!).SetValidator(new CommitmentFilterValidator()).OverridePropertyName("filter").When(x => x.Filter is not null);
        RuleFor(x => x.Filter!.AsOf).Null().OverridePropertyName("filter.asOf").When(x => x.Filter is not null)
            .WithMessage("A feed is evaluated afresh on every poll, so 'overdue' means overdue on that day; leave asOf empty.");
    }
}

public sealed class CreateCalendarFeedHandler(IApplicationDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<CreateCalendarFeedCommand, IssuedCalendarFeed>
{
    public async ValueTask<IssuedCalendarFeed> Handle(CreateCalendarFeedCommand command, CancellationToken cancellationToken)
    {
        var (feed, token) = CalendarFeed.Create(command.Name, SavedFilter.Write((command.Filter ?? new CommitmentFilter()).ForActor(actor)), actor.Principal.ActorId(), clock.GetUtcNow());
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedCalendarFeed(CalendarFeedDto.From(feed), token);
    }
}
