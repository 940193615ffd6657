using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Webhooks;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CommitmentTracker.Infrastructure.Webhooks;

/// <summary>
/// Writes the webhook events of a save into the outbox as part of that same save, so they commit or roll back with
/// the change. A new commitment is commitment.created (its first, Captured, entry is part of that event); a new
/// status entry is status.appended; any other change to a commitment is commitment.updated.
/// </summary>
internal sealed class WebhookOutboxInterceptor(TimeProvider clock) : SaveChangesAddition
{
    // What a status append changes on the commitment row; these alone do not make a revision.
    private static readonly string[] AppendBookkeeping = [nameof(Commitment.CurrentStatus), nameof(Commitment.Version), nameof(Commitment.UpdatedAt)];

    protected override void Add(DbContext db)
    {
        var now = clock.GetUtcNow();
        var commitments = db.ChangeTracker.Entries<Commitment>().ToList();
        var appended = db.ChangeTracker.Entries<StatusEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var events = new List<OutboxEvent>();

        foreach (var entry in commitments)
        {
            if (entry.State == EntityState.Added)
            {
                events.Add(WebhookPayloads.CommitmentEvent(WebhookEventTypes.CommitmentCreated, entry.Entity, now));
            }
            else if (entry.State == EntityState.Modified && IsRevision(entry, appended))
            {
                events.Add(WebhookPayloads.CommitmentEvent(WebhookEventTypes.CommitmentUpdated, entry.Entity, now));
            }
        }

        foreach (var status in appended.OrderBy(s => s.Sequence))
        {
            var owner = commitments.FirstOrDefault(c => c.Entity.Id == status.CommitmentId);
            if (owner is { State: not EntityState.Added })
            {
                events.Add(WebhookPayloads.StatusAppended(owner.Entity, status, now));
            }
        }

        db.AddRange(events);
    }

    private static bool IsRevision(EntityEntry<Commitment> entry, List<StatusEntry> appended) =>
        !appended.Any(s => s.CommitmentId == entry.Entity.Id)
        || entry.Properties.Any(p => p.IsModified && !AppendBookkeeping.Contains(p.Metadata.Name));
}
