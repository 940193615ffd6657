using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Commitments.Common;

/// <summary>A commitment's lifecycle status on a given day.</summary>
public sealed class CommitmentStatusRow
{
    public Guid CommitmentId { get; init; }

    public LifecycleStatus Status { get; init; }
}

public static class StatusOnDay
{
    /// <summary>
    /// The status of every commitment at the end of <paramref name="asOf"/> (UTC), as a relation the database
    /// can join and group. From today on it is the current status column; for a past day it is the last log
    /// entry recorded by then — the log is append-only, so the past is answered, not guessed. Commitments not
    /// yet captured on that day have no row.
    /// </summary>
    public static IQueryable<CommitmentStatusRow> StatusesOn(this IApplicationDbContext db, DateOnly asOf, DateOnly today)
    {
        if (asOf >= today)
        {
            return db.Commitments.Select(c => new CommitmentStatusRow { CommitmentId = c.Id, Status = c.CurrentStatus });
        }

        var cutoff = new DateTimeOffset(asOf.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var latest = db.StatusEntries
            .Where(e => e.At < cutoff)
            .GroupBy(e => e.CommitmentId)
            .Select(g => new { CommitmentId = g.Key, Sequence = g.Max(e => e.Sequence) });
        return from l in latest
               join e in db.StatusEntries on new { l.CommitmentId, l.Sequence } equals new { e.CommitmentId, e.Sequence }
               select new CommitmentStatusRow { CommitmentId = e.CommitmentId, Status = e.Status };
    }

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
