using AutoMapper;
using AutoMapper.QueryableExtensions;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Queries.GetStatusHistory;

/// <summary>The whole status log of a commitment, oldest first.</summary>
[Requires(Access.Read)]
public sealed record GetStatusHistoryQuery(string IdOrCode) : IQuery<IReadOnlyList<StatusEntryDto>>;

/// <summary>The status a commitment had at the end of a given day (by effective date), and the entry that set it.</summary>
[Requires(Access.Read)]
public sealed record GetStatusAsOfQuery(string IdOrCode, DateOnly AsOf) : IQuery<StatusAsOfDto>;

/// <summary>
/// <see cref="Status"/> is null when the commitment had not been captured yet on <see cref="AsOf"/>;
/// <see cref="IsOverdue"/> is judged with the status of that day.
/// </summary>
public sealed record StatusAsOfDto(string Code, DateOnly AsOf, LifecycleStatus? Status, bool IsOverdue, StatusEntryDto? Entry);

public sealed class GetStatusHistoryHandler(IApplicationDbContext db, IMapper mapper)
    : IQueryHandler<GetStatusHistoryQuery, IReadOnlyList<StatusEntryDto>>, IQueryHandler<GetStatusAsOfQuery, StatusAsOfDto>
{
    public async ValueTask<IReadOnlyList<StatusEntryDto>> Handle(GetStatusHistoryQuery query, CancellationToken cancellationToken)
    {
        var (id, _, _) = await FindAsync(query.IdOrCode, cancellationToken);
        return await db.StatusEntries.AsNoTracking().Where(e => e.CommitmentId == id).OrderBy(e => e.Sequence)
            .ProjectTo<StatusEntryDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
    }

    public async ValueTask<StatusAsOfDto> Handle(GetStatusAsOfQuery query, CancellationToken cancellationToken)
    {
        var (id, code, dueLatest) = await FindAsync(query.IdOrCode, cancellationToken);
        var entry = await db.StatusEntries.AsNoTracking().Where(e => e.CommitmentId == id).Where(AsOfDay.InEffectOn(query.AsOf))
            .OrderByDescending(e => e.Sequence)
            .ProjectTo<StatusEntryDto>(mapper.ConfigurationProvider).FirstOrDefaultAsync(cancellationToken);
        var overdue = entry is not null && OverdueRule.Holds(entry.Status, dueLatest, query.AsOf);
        return new StatusAsOfDto(code, query.AsOf, entry?.Status, overdue, entry);
    }

    private async Task<(Guid Id, string Code, DateOnly? DueLatest)> FindAsync(string idOrCode, CancellationToken ct)
    {
        var found = await db.Commitments.AsNoTracking().Where(Lookup.CommitmentKey(idOrCode))
            .Select(c => new { c.Id, c.Code, c.DueLatest }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Commitment", idOrCode);
        return (found.Id, found.Code, found.DueLatest);
    }
}
