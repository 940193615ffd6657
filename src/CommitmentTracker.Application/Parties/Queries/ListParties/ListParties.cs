using AutoMapper;
using AutoMapper.QueryableExtensions;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Parties;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Parties.Queries.ListParties;

/// <summary>All known parties; small by nature (states, regions, bodies), so not paged.</summary>
[Requires(Access.Read)]
public sealed record ListPartiesQuery : IQuery<IReadOnlyList<PartyDto>>;

public sealed class ListPartiesHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<ListPartiesQuery, IReadOnlyList<PartyDto>>
{
    public async ValueTask<IReadOnlyList<PartyDto>> Handle(ListPartiesQuery query, CancellationToken cancellationToken) =>
        await db.Parties.AsNoTracking().OrderBy(p => p.Key).ProjectTo<PartyDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
}
