using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Webhooks.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Webhooks.Queries.GetSubscription;

[Requires(Access.Administer)]
public sealed record GetSubscriptionQuery(Guid Id) : IQuery<SubscriptionDto>;

public sealed class GetSubscriptionHandler(IApplicationDbContext db) : IQueryHandler<GetSubscriptionQuery, SubscriptionDto>
{
    public async ValueTask<SubscriptionDto> Handle(GetSubscriptionQuery query, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook subscription", query.Id.ToString());
        return SubscriptionDto.From(subscription);
    }
}
