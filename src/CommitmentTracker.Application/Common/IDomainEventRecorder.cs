using CommitmentTracker.Domain;

namespace CommitmentTracker.Application.Common;

/// <summary>
/// Gives domain events their consequences inside the save that raised them (same transaction): the webhook outbox
/// today, notifications tomorrow. Recorders add rows; they never save.
/// </summary>
public interface IDomainEventRecorder
{
    void Record(DomainEvent domainEvent, IApplicationDbContext db);
}
