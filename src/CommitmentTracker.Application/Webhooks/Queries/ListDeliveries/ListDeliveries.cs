using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Webhooks.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Webhooks.Queries.ListDeliveries;

/// <summary>A subscription's deliveries, newest first, each with every attempt made (time, HTTP status or error, duration).</summary>
[Requires(Access.Administer)]
public sealed record ListDeliveriesQuery(Guid SubscriptionId, int Page = 1, int PageSize = PagedResult<DeliveryDto>.DefaultPageSize)
    : IQuery<PagedResult<DeliveryDto>>;

public sealed class ListDeliveriesValidator : AbstractValidator<ListDeliveriesQuery>
{
    public ListDeliveriesValidator()
    {
        RuleFor(x => x.Page).IsPage();
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagedResult<DeliveryDto>.MaxPageSize);
    }
}

public sealed class ListDeliveriesHandler(IApplicationDbContext db) : IQueryHandler<ListDeliveriesQuery, PagedResult<DeliveryDto>>
{
    public async ValueTask<PagedResult<DeliveryDto>> Handle(ListDeliveriesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == query.SubscriptionId, cancellationToken))
        {
            throw new NotFoundException("Webhook subscription", query.SubscriptionId.ToString());
        }

        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == query.SubscriptionId);
        var total = await deliveries.CountAsync(cancellationToken);
        // Ids are time-ordered, so they break ties within one clock tick.
        var items = await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(d => new DeliveryDto
            {
                Id = d.Id,
                EventId = d.EventId,
                EventType = d.EventType,
                State = d.State,
                AttemptCount = d.AttemptCount,
                CreatedAt = d.CreatedAt,
                NextAttemptAt = d.NextAttemptAt,
                DeliveredAt = d.DeliveredAt,
                LastOutcome = d.LastOutcome,
                Attempts = d.Attempts.OrderBy(a => a.Number).Select(a => new DeliveryAttemptDto
                {
                    Number = a.Number,
                    At = a.At,
                    StatusCode = a.StatusCode,
                    Error = a.Error,
                    DurationMs = a.DurationMs,
                }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return new PagedResult<DeliveryDto>(items, query.Page, query.PageSize, total);
    }
}
