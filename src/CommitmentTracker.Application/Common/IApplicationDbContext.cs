using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Accounts;
using CommitmentTracker.Domain.Audit;
using CommitmentTracker.Domain.Calendar;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Import;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;
using CommitmentTracker.Domain.SavedViews;
using CommitmentTracker.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Common;

/// <summary>
/// The persistence port. Handlers query and change aggregates through it; Infrastructure implements it with
/// EF Core on SQLite or SQL Server. <see cref="SaveChangesAsync"/> is one transaction and turns stale writes
/// into <see cref="ConcurrencyConflictException"/> and unique-key clashes into <see cref="DuplicateException"/>.
/// </summary>
public interface IApplicationDbContext
{
    DbSet<Party> Parties { get; }

    DbSet<Person> People { get; }

    DbSet<Meeting> Meetings { get; }

    DbSet<SourceDocument> Documents { get; }

    DbSet<Commitment> Commitments { get; }

    DbSet<StatusEntry> StatusEntries { get; }

    /// <summary>The quantitative terms of the few commitments that have them; a query over targets starts here, not from every commitment.</summary>
    DbSet<Target> Targets { get; }

    /// <summary>The facts of evidence files attached to status entries; their bytes are in the <see cref="Commitments.Common.IEvidenceStore"/>.</summary>
    DbSet<EvidenceFile> EvidenceFiles { get; }

    DbSet<Responsibility> Responsibilities { get; }

    DbSet<ImportCandidate> ImportCandidates { get; }

    DbSet<ApiKey> ApiKeys { get; }

    /// <summary>Append-only: handlers read it; only the audit interceptor adds to it.</summary>
    IQueryable<AuditRecord> AuditRecords { get; }

    DbSet<CalendarFeed> CalendarFeeds { get; }

    /// <summary>Named views of the commitments grid, private or shared (decision 0044).</summary>
    DbSet<SavedView> SavedViews { get; }

    DbSet<WebhookSubscription> WebhookSubscriptions { get; }

    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    /// <summary>Webhook events waiting to be fanned out; written with the change that raised them.</summary>
    DbSet<OutboxEvent> OutboxEvents { get; }

    /// <summary>Which commitments were announced overdue for which due window.</summary>
    DbSet<OverdueNotice> OverdueNotices { get; }

    /// <summary>The dashboard projection (decision 0022): read here; written only by the save that changes a commitment.</summary>
    IQueryable<DashboardCount> DashboardCounts { get; }

    /// <summary>
    /// The commitments whose code, title, summary or quotes hold every word of <paramref name="text"/> (as a word or its
    /// start, any case), read from the provider's full-text index, as a root to compose filters, order and paging on;
    /// <paramref name="shape"/> says whether the page is found by walking the code order (many matches) or from the
    /// index's hits. Null when the provider has no full-text index, and the caller searches with LIKE (decision 0028).
    /// </summary>
    IQueryable<Commitment>? CommitmentsMatchingText(string text, ListShape shape);

    /// <summary>
    /// The full-text index's hits for <paramref name="text"/> alone, one per commitment (row ids), without touching the
    /// commitments: counting these is a tenth of the cost of counting the matching commitments (decision 0035). Null
    /// when the provider has no such index or its hits are not one per commitment.
    /// </summary>
    IQueryable<long>? TextHits(string text) => null;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every tracked change, so a unit that lost a race can read the current state and run again.</summary>
    void DiscardChanges();

    /// <summary>
    /// True while a transaction is open on this context: reads then see its uncommitted writes, so nothing read is kept
    /// for other requests (<see cref="SnapshotsByFeedHead"/>).
    /// </summary>
    bool InTransaction { get; }

    /// <summary>Runs <paramref name="work"/> (which may save several times) as one database transaction.</summary>
    Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);
}
