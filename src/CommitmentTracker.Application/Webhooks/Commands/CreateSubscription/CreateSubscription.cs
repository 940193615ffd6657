using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Domain.Webhooks;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.Webhooks.Commands.CreateSubscription;

/// <summary>
/// Registers a receiver. The server makes the signing secret and returns it in this answer only; afterwards it is
/// kept protected at rest and never shown again.
/// </summary>
[Requires(Access.Administer)]
public sealed record CreateSubscriptionCommand : SubscriptionDraft, ICommand<CreatedSubscriptionDto>;

public sealed class CreateSubscriptionValidator : AbstractValidator<CreateSubscriptionCommand>
{
    public CreateSubscriptionValidator() => Include(new SubscriptionDraftValidator());
}

public sealed class CreateSubscriptionHandler(IApplicationDbContext db, IWebhookSecrets secrets, TimeProvider clock)
    : ICommandHandler<CreateSubscriptionCommand, CreatedSubscriptionDto>
{
    public async ValueTask<CreatedSubscriptionDto> Handle(CreateSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var secret = secrets.Generate();
        var subscription = new WebhookSubscription(command.Name, command.Url, command.EventTypes, secrets.Protect(secret), clock.GetUtcNow());
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedSubscriptionDto { Subscription = SubscriptionDto.From(subscription), Secret = secret };
    }
}
