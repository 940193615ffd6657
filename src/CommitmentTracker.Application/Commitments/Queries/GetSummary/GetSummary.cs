using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Queries.GetSummary;

/// <summary>The figures a manager looks at first, as they stood at the end of a day (today by default).</summary>
[Requires(Access.Read)]
public sealed record GetSummaryQuery(DateOnly? AsOf = null) : IQuery<SummaryDto>;

public sealed class GetSummaryValidator : AbstractValidator<GetSummaryQuery>
{
    public GetSummaryValidator() => RuleFor(x => x.AsOf).IsLedgerDay();
}

public sealed record CountByStatus(LifecycleStatus Status, int Count);

public sealed record CountByKind(CommitmentKind Kind, int Count);

public sealed record CountByParty(string PartyKey, string PartyName, int Count);

/// <summary>
/// Counts over the commitments captured by <see cref="AsOf"/>. DueWithin30Days/90Days count open items whose
/// due window closes in the next 30/90 days (inclusive); OpenEnded counts open items with no latest date.
/// ByParty counts every responsibility a party holds; ByCounterpart only those where it is the counterpart.
/// </summary>
public sealed record SummaryDto(
    DateOnly AsOf,
    int Total,
    int Open,
    int Overdue,
    int DueWithin30Days,
    int DueWithin90Days,
    int OpenEnded,
    IReadOnlyList<CountByStatus> ByStatus,
    IReadOnlyList<CountByKind> ByKind,
    IReadOnlyList<CountByParty> ByParty,
    IReadOnlyList<CountByParty> ByCounterpart);

public sealed class GetSummaryHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetSummaryQuery, SummaryDto>
{
    public async ValueTask<SummaryDto> Handle(GetSummaryQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var asOf = query.AsOf ?? today;
        var closed = Lifecycle.Closed.ToList();
        var states = db.Commitments.OnDay(db, asOf, today);
        var open = states.Where(x => !closed.Contains(x.Status)).Select(x => x.Commitment);

        // Each figure is one GROUP BY or COUNT in the database; nothing is counted in memory.
        var byStatus = await states.GroupBy(x => x.Status).Select(g => new CountByStatus(g.Key, g.Count())).ToListAsync(cancellationToken);
        var byKind = await states.GroupBy(x => x.Commitment.Kind).Select(g => new CountByKind(g.Key, g.Count())).ToListAsync(cancellationToken);
        var responsibilities = asOf >= today
            ? db.Responsibilities
            : from x in states join r in db.Responsibilities on x.Commitment.Id equals r.CommitmentId select r;
        var byParty = await CountPerPartyAsync(responsibilities, cancellationToken);
        var byCounterpart = await CountPerPartyAsync(responsibilities.Where(r => r.Role == ResponsibilityRole.Counterpart), cancellationToken);
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
    private async Task<IReadOnlyList<CountByParty>> CountPerPartyAsync(IQueryable<Responsibility> responsibilities, CancellationToken ct)
    {
        var perParty = await responsibilities.GroupBy(r => r.PartyId).Select(g => new { PartyId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var ids = perParty.Select(p => p.PartyId).ToList();
        var parties = await db.Parties.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return [.. perParty.Select(p => new CountByParty(parties[p.PartyId].Key, parties[p.PartyId].Name, p.Count)).OrderByDescending(p => p.Count).ThenBy(p => p.PartyKey)];
    }
}
