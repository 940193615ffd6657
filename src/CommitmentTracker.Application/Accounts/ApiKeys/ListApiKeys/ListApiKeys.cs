using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Accounts.ApiKeys.ListApiKeys;

/// <summary>Every key ever issued, newest first, revoked and expired ones included (they explain old audit records).</summary>
[Requires(Access.Administer)]
public sealed record ListApiKeysQuery : IQuery<IReadOnlyList<ApiKeyDto>>;

public sealed class ListApiKeysHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Name).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return [.. keys.Select(k => ApiKeyDto.From(k, now))];
    }
}
