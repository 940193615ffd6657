using AutoMapper;
using AutoMapper.QueryableExtensions;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Queries.GetCommitment;

/// <summary>One commitment with its spans, responsibilities, target and latest status entry.</summary>
[Requires(Access.Read)]
public sealed record GetCommitmentQuery(string IdOrCode) : IQuery<CommitmentDetailDto>;

/// <summary>
/// Reads the detail (six statements: the commitment, its responsibilities, spans and observations, the latest entry
/// and its files) once per feed head and way of asking (decision 0051); every later read until a write costs one
/// head read. The kept detail is shared between requests: nothing may change it after this handler returns.
/// </summary>
public sealed class GetCommitmentHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock, IChangeLog log, CommitmentDetailSnapshots snapshots)
    : IQueryHandler<GetCommitmentQuery, CommitmentDetailDto>
{
    public async ValueTask<CommitmentDetailDto> Handle(GetCommitmentQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        if (db.InTransaction)
        {
            return await ReadAsync(query.IdOrCode, today, cancellationToken);
        }

        // The head is read before the detail: a write committing in between makes the detail newer than its key,
        // never older, and the next read (seeing the moved head) builds it again.
        var question = new Asked(Lookup.Canonical(query.IdOrCode), today);
        var head = await log.HeadAsync(CommitmentReadSources.EntityTypes, cancellationToken);
        if (snapshots.TryGet<CommitmentDetailDto>(question, head, out var kept))
        {
            return kept;
        }

        var detail = await ReadAsync(query.IdOrCode, today, cancellationToken);
        snapshots.Add(question, head, detail);
        return detail;
    }

    private async Task<CommitmentDetailDto> ReadAsync(string idOrCode, DateOnly today, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments.AsNoTracking().Where(Lookup.CommitmentKey(idOrCode))
            .ProjectTo<CommitmentDetailDto>(mapper.ConfigurationProvider)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Commitment", idOrCode);

        commitment.LatestEntry = await db.StatusEntries.AsNoTracking().Where(e => e.CommitmentId == commitment.Id)
            .OrderByDescending(e => e.Sequence)
            .ProjectTo<StatusEntryDto>(mapper.ConfigurationProvider)
            .FirstOrDefaultAsync(cancellationToken);
        // Roles are stored by name; order them by rank (Lead first) here rather than alphabetically in SQL.
        commitment.Responsibilities = [.. commitment.Responsibilities.OrderBy(r => r.Role).ThenBy(r => r.PartyKey, StringComparer.Ordinal)];
        commitment.IsOverdue = OverdueRule.Holds(commitment.Status, commitment.Due?.Latest, today);
        return commitment;
    }

    private sealed record Asked(string IdOrCode, DateOnly Today);
}
