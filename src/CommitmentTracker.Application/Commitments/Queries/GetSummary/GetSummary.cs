using CommitmentTracker.Application.Changes.Common;
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

/// <summary>
/// Reads the dashboard projection (decision 0022): a few thousand per-month and per-day rows whatever the number of
/// commitments, for today and for any past day alike. <see cref="SummaryRecount"/> computes the same figures from the
/// commitments themselves; the tests hold the two equal.
/// </summary>
public sealed class GetSummaryHandler(IApplicationDbContext db, IChangeLog log, DashboardSnapshots snapshots, TimeProvider clock) : IQueryHandler<GetSummaryQuery, SummaryDto>
{
    public async ValueTask<SummaryDto> Handle(GetSummaryQuery query, CancellationToken cancellationToken)
    {
        var asOf = query.AsOf ?? clock.Today();

        // The head is read before the figures: a change committing in between makes the figures newer than their key,
        // never older, and the next read (seeing the moved head) computes them again.
        var head = await log.HeadAsync(DashboardSnapshots.EntityTypes, cancellationToken);
        if (snapshots.TryGet<SummaryDto>(asOf, head, out var snapshot))
        {
            return snapshot;
        }

        var summary = await ComputeAsync(asOf, cancellationToken);
        snapshots.Add(asOf, head, summary);
        return summary;
    }

    private async Task<SummaryDto> ComputeAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var month = new DateOnly(asOf.Year, asOf.Month, 1);

        // Two index range reads (months before, days of this month), each summed in the database. The month flag is
        // compared with a parameter on purpose: a bare boolean column ("WHERE WholeMonth") is not an index term on
        // SQLite, which then scanned the whole projection.
        bool wholeMonths = true, days = false;
        var monthRows = await Sum(db.DashboardCounts.Where(c => c.WholeMonth == wholeMonths && c.Day < month), cancellationToken);
        var dayRows = await Sum(db.DashboardCounts.Where(c => c.WholeMonth == days && c.Day >= month && c.Day <= asOf), cancellationToken);
        var counts = monthRows.Concat(dayRows)
            .GroupBy(c => (c.Figure, c.Item))
            .Select(g => (g.Key.Figure, g.Key.Item, Count: g.Sum(c => c.Count)))
            .Where(c => c.Count != 0)
            .ToList();

        int Single(string figure) => counts.Where(c => c.Figure == figure).Sum(c => c.Count);
        var byStatus = counts.Where(c => c.Figure == DashboardFigure.Status)
            .Select(c => new CountByStatus(Enum.Parse<LifecycleStatus>(c.Item), c.Count)).OrderBy(s => s.Status).ToList();
        var byKind = counts.Where(c => c.Figure == DashboardFigure.Kind)
            .Select(c => new CountByKind(Enum.Parse<CommitmentKind>(c.Item), c.Count)).OrderBy(k => k.Kind).ToList();
        var overdue = Single(DashboardFigure.Overdue);

        var partyIds = counts.Where(c => c.Figure is DashboardFigure.Party or DashboardFigure.Counterpart).Select(c => Guid.Parse(c.Item)).Distinct().ToList();
        var parties = await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        List<CountByParty> PerParty(string figure) =>
            [.. counts.Where(c => c.Figure == figure)
                .Select(c => (Party: parties[Guid.Parse(c.Item)], c.Count))
                .Select(c => new CountByParty(c.Party.Key, c.Party.Name, c.Count))
                .OrderByDescending(p => p.Count).ThenBy(p => p.PartyKey, StringComparer.Ordinal)];

        return new SummaryDto(
            asOf,
            byStatus.Sum(s => s.Count),
            byStatus.Where(s => !Lifecycle.IsClosed(s.Status)).Sum(s => s.Count),
            overdue,
            Single(DashboardFigure.DueBy30) - overdue,
            Single(DashboardFigure.DueBy90) - overdue,
            Single(DashboardFigure.OpenEnded),
            byStatus,
            byKind,
            PerParty(DashboardFigure.Party),
            PerParty(DashboardFigure.Counterpart));
    }

    private static Task<List<FigureCount>> Sum(IQueryable<DashboardCount> rows, CancellationToken ct) =>
        rows.GroupBy(c => new { c.Figure, c.Item }).Select(g => new FigureCount(g.Key.Figure, g.Key.Item, g.Sum(c => c.Change))).ToListAsync(ct);

    private sealed record FigureCount(string Figure, string Item, int Count);
}

/// <summary>
/// The dashboard figures last computed for each question (the summary of a day, the status trend up to a day), keyed
/// by the change feed's head when they were computed (decision 0046). Every write that moves a figure (a commitment
/// saved or removed, a status entry, a bulk load) leaves an audit record of one of <see cref="EntityTypes"/>, which
/// moves the head, so a kept snapshot is used only while nothing it counts has changed: many managers opening the
/// dashboard cost one head read each, not a sum over the projection or a walk over the status log each. The head is
/// the database's, so several app instances stay correct, each with its own copy.
/// </summary>
// At most 400 questions: days a caller may ask about are bounded by the ledger-day rule; the bound only keeps a
// crawler of every past day from growing this without end.
public sealed class DashboardSnapshots() : SnapshotsByFeedHead(400)
{
    /// <summary>The feed's entities and the synthetic bulk load (one record per batch, decision 0035).</summary>
    public static readonly IReadOnlyCollection<string> EntityTypes = [.. FeedEntities.Types, "BulkLoad"];
}
