using CommitmentTracker.Api.Infrastructure;
using CommitmentTracker.Api.OpenApi;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Webhooks.Commands.CreateSubscription;
using CommitmentTracker.Application.Webhooks.Commands.DeleteSubscription;
using CommitmentTracker.Application.Webhooks.Commands.DisableSubscription;
using CommitmentTracker.Application.Webhooks.Commands.EnableSubscription;
using CommitmentTracker.Application.Webhooks.Commands.UpdateSubscription;
using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Application.Webhooks.Queries.GetSubscription;
using CommitmentTracker.Application.Webhooks.Queries.ListDeliveries;
using CommitmentTracker.Application.Webhooks.Queries.ListSubscriptions;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

/// <summary>Why an administrator paused a subscription (optional).</summary>
public sealed record DisableSubscriptionBody(string? Reason);

public static class WebhookEndpoints
{
    public static void MapWebhooks(this IEndpointRouteBuilder api)
    {
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/", ListWebhooks).WithName(nameof(ListWebhooks))
            .WithSummary("List webhook subscriptions with their state and why any is disabled")
            .WithDescription("Each subscription with its URL, event types, whether it is enabled, and the reason it was disabled (by a person or after repeated failures).");
        webhooks.MapPost("/", CreateWebhook).WithName(nameof(CreateWebhook)).Sets(ResponseHeader.ETag)
            .WithSummary("Subscribe a URL to events; the answer carries the signing secret, shown this once")
            .WithDescription("Event types: commitment.created, commitment.updated, status.appended, commitment.overdue. Each POST is signed: X-CommitmentTracker-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">.")
            .ProducesValidationProblem();
        webhooks.MapGet("/{id:guid}", GetWebhook).WithName(nameof(GetWebhook))
            .WithSummary("Get a webhook subscription")
            .WithDescription("The response carries the subscription's ETag for a later update. The signing secret is never returned after creation.")
            .Produces<SubscriptionDto>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPut("/{id:guid}", UpdateWebhook).WithName(nameof(UpdateWebhook))
            .WithSummary("Change a subscription's name, URL or event types (requires If-Match)")
            .WithDescription("Send the ETag of your last read as If-Match (428 without it, 412 if someone saved since).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        webhooks.MapPost("/{id:guid}/enable", EnableWebhook).WithName(nameof(EnableWebhook))
            .WithSummary("Enable a subscription again; deliveries that waited are sent at once")
            .WithDescription("Deliveries that were waiting when it was disabled are attempted again at once.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPost("/{id:guid}/disable", DisableWebhook).WithName(nameof(DisableWebhook))
            .WithSummary("Disable a subscription, optionally saying why")
            .WithDescription("No new events are queued for it until it is enabled again; its delivery history is kept.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapDelete("/{id:guid}", DeleteWebhook).WithName(nameof(DeleteWebhook))
            .WithSummary("Delete a subscription with its deliveries")
            .WithDescription("Irreversible: the subscription and its delivery history are removed. Disable it instead to keep the history.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapGet("/{id:guid}/deliveries", ListWebhookDeliveries).WithName(nameof(ListWebhookDeliveries))
            .WithSummary("A subscription's deliveries, newest first, with every attempt (time, HTTP status or error, duration)")
            .WithDescription("Each delivery lists its event and every attempt, so a receiver's outage can be diagnosed without server logs.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<IReadOnlyList<SubscriptionDto>>> ListWebhooks(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListSubscriptionsQuery(), ct));

    public static async Task<CreatedAtRoute<CreatedSubscriptionDto>> CreateWebhook(CreateSubscriptionCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        http.Response.Headers.ETag = ETagOf(created.Subscription);
        return TypedResults.CreatedAtRoute(created, nameof(GetWebhook), new { id = created.Subscription.Id });
    }

    public static async Task<IResult> GetWebhook(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        var subscription = await sender.Send(new GetSubscriptionQuery(id), ct);
        return ETags.OkOrNotModified(http, subscription, ETagOf(subscription));
    }

    public static async Task<Ok<SubscriptionDto>> UpdateWebhook(Guid id, SubscriptionDraft changes, ISender sender, HttpContext http, CancellationToken ct) =>
        WithETag(http, await sender.Send(new UpdateSubscriptionCommand(id, ETags.VersionFrom(http.Request), changes), ct));

    public static async Task<Ok<SubscriptionDto>> EnableWebhook(Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
        WithETag(http, await sender.Send(new EnableSubscriptionCommand(id), ct));

    public static async Task<Ok<SubscriptionDto>> DisableWebhook(Guid id, DisableSubscriptionBody? body, ISender sender, HttpContext http, CancellationToken ct) =>
        WithETag(http, await sender.Send(new DisableSubscriptionCommand(id, body?.Reason), ct));

    public static async Task<NoContent> DeleteWebhook(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteSubscriptionCommand(id), ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<PagedResult<DeliveryDto>>> ListWebhookDeliveries(Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListDeliveriesQuery(id, page ?? 1, pageSize ?? PagedResult<DeliveryDto>.DefaultPageSize), ct));

    private static Ok<SubscriptionDto> WithETag(HttpContext http, SubscriptionDto subscription)
    {
        http.Response.Headers.ETag = ETagOf(subscription);
        return TypedResults.Ok(subscription);
    }

    // The failure count changes without a version bump (it is the worker's bookkeeping), so it is part of the tag.
    private static string ETagOf(SubscriptionDto s) => ETags.For(s.Version, s.ConsecutiveFailures);
}
