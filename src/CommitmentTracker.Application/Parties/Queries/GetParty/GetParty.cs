using AutoMapper;
using AutoMapper.QueryableExtensions;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Parties.Queries.GetParty;

[Requires(Access.Read)]
public sealed record GetPartyQuery(string Key) : IQuery<PartyDto>;

public sealed class GetPartyHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetPartyQuery, PartyDto>
{
    public async ValueTask<PartyDto> Handle(GetPartyQuery query, CancellationToken cancellationToken)
    {
        var key = query.Key.Trim().ToUpperInvariant();
        return await db.Parties.AsNoTracking().Where(p => p.Key == key).ProjectTo<PartyDto>(mapper.ConfigurationProvider).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Party", query.Key);
    }
}
