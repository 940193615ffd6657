using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Webhooks.Commands.EnableSubscription;

/// <summary>
/// Resumes a disabled subscription. Deliveries that waited while it was disabled are due at once, so nothing that
/// happened in the meantime is lost.
/// </summary>
[Requires(Access.Administer)]
public sealed record EnableSubscriptionCommand(Guid Id) : ICommand<SubscriptionDto>;

public sealed class EnableSubscriptionValidator : AbstractValidator<EnableSubscriptionCommand>
{
    public EnableSubscriptionValidator() => RuleFor(x => x.Id).NotEmpty();
}

public sealed class EnableSubscriptionHandler(IApplicationDbContext db, TimeProvider clock) : ICommandHandler<EnableSubscriptionCommand, SubscriptionDto>
{
    public async ValueTask<SubscriptionDto> Handle(EnableSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", command.Id.ToString());
        var now = clock.GetUtcNow();
        subscription.Enable(now);

        var waiting = await db.WebhookDeliveries
            .Where(d => d.SubscriptionId == subscription.Id && d.State == DeliveryState.Pending)
            .ToListAsync(cancellationToken);
        foreach (var delivery in waiting)
        {
            delivery.DueNow(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return SubscriptionDto.From(subscription);
    }
}
