using CommitmentTracker.Domain.Audit;

namespace CommitmentTracker.Application.Common;

/// <summary>An audit record with the feed position it was read at.</summary>
public sealed record CommittedChange(long Cursor, AuditRecord Record);

/// <summary>
/// Reads audit records in the order their transactions committed, never showing one while an earlier-numbered
/// transaction may still commit: a consumer that resumes after its last cursor misses nothing. How that is
/// guaranteed depends on the database, so Infrastructure implements it per provider.
/// </summary>
public interface IChangeLog
{
    Task<IReadOnlyList<CommittedChange>> ReadAsync(long after, int limit, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken);

    /// <summary>
    /// The cursor of the last change of <paramref name="entityTypes"/> a reader may see (0 when none): the same
    /// position <see cref="ReadAsync"/> would end on, found by one read from the top of the log's commit order.
    /// </summary>
    Task<long> HeadAsync(IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken);
}
