using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Domain;

namespace CommitmentTracker.Application.Webhooks.EventRecorders;

/// <summary>Puts the webhook event of each domain event receivers hear about into the outbox, with the change.</summary>
public sealed class WebhookOutbox : IDomainEventRecorder
{
    public void Record(DomainEvent domainEvent, IApplicationDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (WebhookPayloads.For(domainEvent) is { } outboxEvent)
        {
            db.OutboxEvents.Add(outboxEvent);
        }
    }
}
