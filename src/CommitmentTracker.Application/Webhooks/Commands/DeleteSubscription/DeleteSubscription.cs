using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Webhooks.Commands.DeleteSubscription;

/// <summary>Removes a subscription with its deliveries and their attempt log.</summary>
[Requires(Access.Administer)]
public sealed record DeleteSubscriptionCommand(Guid Id) : ICommand;

public sealed class DeleteSubscriptionValidator : AbstractValidator<DeleteSubscriptionCommand>
{
    public DeleteSubscriptionValidator() => RuleFor(x => x.Id).NotEmpty();
}

public sealed class DeleteSubscriptionHandler(IApplicationDbContext db) : ICommandHandler<DeleteSubscriptionCommand>
{
    public async ValueTask<Unit> Handle(DeleteSubscriptionCommand command, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", command.Id.ToString());
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
