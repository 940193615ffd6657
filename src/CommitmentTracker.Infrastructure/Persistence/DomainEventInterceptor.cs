using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain;
using CommitmentTracker.Domain.Commitments;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Infrastructure.Persistence;

/// <summary>
/// The one place domain events meet the database: when a save is about to run, the events raised by the entities in
/// it are handed to every <see cref="IDomainEventRecorder"/>, whose rows join the same save, so a consequence never
/// outlives a rolled-back change nor goes missing from a committed one.
/// </summary>
internal sealed class DomainEventInterceptor(IEnumerable<IDomainEventRecorder> recorders, Audit.BulkWrite bulk) : SaveChangesAddition
{
    protected override void Add(DbContext context)
    {
        var db = (IApplicationDbContext)context;
        var events = context.ChangeTracker.Entries<Entity>().SelectMany(e => e.Entity.TakeDomainEvents()).ToList();
        if (bulk.IsActive)
        {
            // Synthetic data has no consequences outside the database (see BulkWrite).
            return;
        }

        // A save that revises a commitment twice (terms, then a rescheduled window) announces one revision.
        var lastRevision = events.OfType<CommitmentRevised>().GroupBy(e => e.Commitment.Id).Select(g => g.Last()).ToHashSet();
        foreach (var domainEvent in events.Where(e => e is not CommitmentRevised || lastRevision.Contains(e)).OrderBy(e => e.OccurredAt))
        {
            foreach (var recorder in recorders)
            {
                recorder.Record(domainEvent, db);
            }
        }
    }
}
