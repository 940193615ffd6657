using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Webhooks.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Webhooks.Queries.ListSubscriptions;

/// <summary>Every subscription, by name, with its state and why it is disabled.</summary>
[Requires(Access.Administer)]
public sealed record ListSubscriptionsQuery : IQuery<IReadOnlyList<SubscriptionDto>>;

public sealed class ListSubscriptionsHandler(IApplicationDbContext db) : IQueryHandler<ListSubscriptionsQuery, IReadOnlyList<SubscriptionDto>>
{
    public async ValueTask<IReadOnlyList<SubscriptionDto>> Handle(ListSubscriptionsQuery query, CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return [.. subscriptions.Select(SubscriptionDto.From)];
    }
}
