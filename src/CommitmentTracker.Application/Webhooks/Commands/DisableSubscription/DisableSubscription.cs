using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Webhooks.Commands.DisableSubscription;

/// <summary>Pauses a subscription. Events keep being recorded for it and go out when it is enabled again.</summary>
[Requires(Access.Administer)]
public sealed record DisableSubscriptionCommand(Guid Id, string? Reason = null) : ICommand<SubscriptionDto>;

public sealed class DisableSubscriptionValidator : AbstractValidator<DisableSubscriptionCommand>
{
    public DisableSubscriptionValidator() => RuleFor(x => x.Reason).MaximumLength(WebhookSubscription.MaxReasonLength);
}

public sealed class DisableSubscriptionHandler(IApplicationDbContext db, TimeProvider clock, ICurrentActor actor)
    : ICommandHandler<DisableSubscriptionCommand, SubscriptionDto>
{
    public async ValueTask<SubscriptionDto> Handle(DisableSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", command.Id.ToString());
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? $"Disabled by {actor.Name}" : command.Reason.Trim();
        subscription.Disable(reason, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return SubscriptionDto.From(subscription);
    }
}
