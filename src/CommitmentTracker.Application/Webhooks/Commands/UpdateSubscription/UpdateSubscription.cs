using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Webhooks.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Webhooks.Commands.UpdateSubscription;

/// <summary>Changes a subscription's name, URL or event types; its secret and state stay. ExpectedVersion is required.</summary>
[Requires(Access.Administer)]
public sealed record UpdateSubscriptionCommand(Guid Id, long? ExpectedVersion, SubscriptionDraft Changes) : ICommand<SubscriptionDto>;

public sealed class UpdateSubscriptionValidator : AbstractValidator<UpdateSubscriptionCommand>
{
    public UpdateSubscriptionValidator() => RuleFor(x => x.Changes).NotNull().SetValidator(new SubscriptionDraftValidator());
}

public sealed class UpdateSubscriptionHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<UpdateSubscriptionCommand, SubscriptionDto>
{
    public async ValueTask<SubscriptionDto> Handle(UpdateSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", command.Id.ToString());
        Concurrency.EnsureVersion("Webhook subscription", command.ExpectedVersion, subscription.Version);

        var c = command.Changes;
        subscription.Revise(c.Name, c.Url, c.EventTypes, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return SubscriptionDto.From(subscription);
    }
}
