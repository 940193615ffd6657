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

public sealed class GetCommitmentHandler(IApplicationDbContext db, IMapper mapper, TimeProvider clock) : IQueryHandler<GetCommitmentQuery, CommitmentDetailDto>
{
    public async ValueTask<CommitmentDetailDto> Handle(GetCommitmentQuery query, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments.AsNoTracking().Where(Lookup.CommitmentKey(query.IdOrCode))
            .ProjectTo<CommitmentDetailDto>(mapper.ConfigurationProvider)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Commitment", query.IdOrCode);

        commitment.LatestEntry = await db.StatusEntries.AsNoTracking().Where(e => e.CommitmentId == commitment.Id)
            .OrderByDescending(e => e.Sequence)
            .ProjectTo<StatusEntryDto>(mapper.ConfigurationProvider)
            .FirstOrDefaultAsync(cancellationToken);
        // Roles are stored by name; order them by rank (Lead first) here rather than alphabetically in SQL.
        commitment.Responsibilities = [.. commitment.Responsibilities.OrderBy(r => r.Role).ThenBy(r => r.PartyKey, StringComparer.Ordinal)];
        var today = clock.Today();
        commitment.IsOverdue = OverdueRule.Holds(commitment.Status, commitment.Due?.Latest, today);
        return commitment;
    }
}
