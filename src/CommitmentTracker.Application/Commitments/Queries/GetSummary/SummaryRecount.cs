using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Queries.GetSummary;

/// <summary>
/// The dashboard's figures counted from the commitments and their status logs, with the overdue rule run in SQL:
/// the definition the projection must agree with. It reads every commitment (seconds at a million), so the
/// dashboard never calls it; the tests compare it with <see cref="GetSummaryHandler"/> after every kind of change.
/// </summary>
public static class SummaryRecount
{
    public static async Task<SummaryDto> CountAsync(IApplicationDbContext db, DateOnly asOf, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var closed = Lifecycle.Closed.ToList();
        var states = db.Commitments.OnDay(db, asOf, today);
        var open = states.Where(x => !closed.Contains(x.Status)).Select(x => x.Commitment);

        // Each figure is one GROUP BY or COUNT in the database; nothing is counted in memory.
        var byStatus = await states.GroupBy(x => x.Status).Select(g => new CountByStatus(g.Key, g.Count())).ToListAsync(cancellationToken);
        var byKind = await states.GroupBy(x => x.Commitment.Kind).Select(g => new CountByKind(g.Key, g.Count())).ToListAsync(cancellationToken);
        var responsibilities = asOf >= today
            ? db.Responsibilities
            : from x in states join r in db.Responsibilities on x.Commitment.Id equals r.CommitmentId select r;
        var byParty = await CountPerPartyAsync(db, responsibilities, cancellationToken);
        var byCounterpart = await CountPerPartyAsync(db, responsibilities.Where(r => r.Role == ResponsibilityRole.Counterpart), cancellationToken);
        var in30 = asOf.AddDays(30);
        var in90 = asOf.AddDays(90);
        var dueWithin30 = await open.CountAsync(c => c.DueLatest >= asOf && c.DueLatest <= in30, cancellationToken);
        var dueWithin90 = await open.CountAsync(c => c.DueLatest >= asOf && c.DueLatest <= in90, cancellationToken);
        var openEnded = await open.CountAsync(c => c.DuePhrase != null && c.DueLatest == null, cancellationToken);
        var overdue = await states.Overdue(asOf).CountAsync(cancellationToken);

        return new SummaryDto(
            asOf,
            byStatus.Sum(s => s.Count),
            byStatus.Where(s => !Lifecycle.IsClosed(s.Status)).Sum(s => s.Count),
            overdue,
            dueWithin30,
            dueWithin90,
            openEnded,
            [.. byStatus.OrderBy(s => s.Status)],
            [.. byKind.OrderBy(k => k.Kind)],
            byParty,
            byCounterpart);
    }

    // Grouped in the database by party id; the (few) parties' names are joined afterwards.
    private static async Task<IReadOnlyList<CountByParty>> CountPerPartyAsync(IApplicationDbContext db, IQueryable<Responsibility> responsibilities, CancellationToken ct)
    {
        var perParty = await responsibilities.GroupBy(r => r.PartyId).Select(g => new { PartyId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = perParty.Select(p => p.PartyId).ToList();
        var parties = await db.Parties.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return [.. perParty.Select(p => new CountByParty(parties[p.PartyId].Key, parties[p.PartyId].Name, p.Count)).OrderByDescending(p => p.Count).ThenBy(p => p.PartyKey, StringComparer.Ordinal)];
    }
}
