using System.Text.Json;
using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Webhooks;
using CommitmentTracker.Integration.Tests.Infrastructure;
using static CommitmentTracker.Integration.Tests.Webhooks.WebhookTestKit;

namespace CommitmentTracker.Integration.Tests.Webhooks;

/// <summary>
/// Events travel from a save to a real receiver on a loopback port: signed, retried after failures with back-off,
/// every attempt recorded, the subscription disabled after repeated failures and nothing lost when it is enabled.
/// The retry back-off is waited out by moving the app's clock, never by sleeping.
/// </summary>
public abstract class WebhookDeliveryTests(AppFactory app)
{
    private const string Api = "/api/v1";

    [Fact]
    public async Task A_signed_event_reaches_the_receiver_with_its_headers_and_the_commitment()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = app.Api();
        var subscription = await client.SubscribeAsync(receiver.Url, WebhookEventTypes.CommitmentCreated, WebhookEventTypes.StatusAppended);

        var commitment = await client.NewCommitmentAsync();
        await client.AppendStatusAsync(commitment.Code, LifecycleStatus.Confirmed);

        var created = await receiver.ReceivedAsync(r => r.EventType == WebhookEventTypes.CommitmentCreated && r.Body.Contains(commitment.Code, StringComparison.Ordinal), "commitment.created");
        var appended = await receiver.ReceivedAsync(r => r.EventType == WebhookEventTypes.StatusAppended && r.Body.Contains(commitment.Code, StringComparison.Ordinal), "status.appended");
        VerifySignature(created, subscription.Secret).ShouldBe(app.Clock.GetUtcNow().ToUnixTimeSeconds());
        VerifySignature(appended, subscription.Secret);

        var body = JsonDocument.Parse(appended.Body).RootElement;
        body.GetProperty("type").GetString().ShouldBe(WebhookEventTypes.StatusAppended);
        body.GetProperty("commitment").GetProperty("code").GetString().ShouldBe(commitment.Code);
        body.GetProperty("commitment").GetProperty("status").GetString().ShouldBe("Confirmed");
        body.GetProperty("commitment").GetProperty("due").GetProperty("latest").GetString().ShouldBe("2025-11-30");
        body.GetProperty("statusEntry").GetProperty("status").GetString().ShouldBe("Confirmed");
        Guid.TryParse(appended.DeliveryId, out _).ShouldBeTrue();

        // A status append is not a revision, and the first (Captured) entry travels with commitment.created.
        var deliveries = await client.DeliveriesAsync(subscription.Subscription.Id);
        deliveries.Select(d => d.EventType).ShouldBe([WebhookEventTypes.StatusAppended, WebhookEventTypes.CommitmentCreated], ignoreOrder: true);
        await client.UnsubscribeAsync(subscription.Subscription.Id);
    }

    [Fact]
    public async Task A_delivery_answered_500_is_retried_after_its_back_off_and_every_attempt_is_recorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync((r, _) => Task.FromResult(r.Number == 1 ? 500 : 200));
        var client = app.Api();
        var subscription = await client.SubscribeAsync(receiver.Url, WebhookEventTypes.CommitmentCreated);
        var id = subscription.Subscription.Id;

        await client.NewCommitmentAsync();
        var failed = await client.DeliveryAsync(id, d => d.AttemptCount == 1, "the first attempt");
        failed.State.ShouldBe(DeliveryState.Pending);
        failed.Attempts.Single().StatusCode.ShouldBe(500);
        failed.NextAttemptAt.ShouldBeGreaterThan(failed.Attempts.Single().At, "the retry waits for its back-off");
        (await client.SubscriptionAsync(id)).ConsecutiveFailures.ShouldBe(1);

        // The clock belongs to the class fixture: put it back even if the wait fails.
        var start = app.Clock.Now;
        DeliveryDto delivered;
        try
        {
            app.Clock.Now = failed.NextAttemptAt;
            delivered = await client.DeliveryAsync(id, d => d.State == DeliveryState.Delivered, "the retry to succeed");
        }
        finally
        {
            app.Clock.Now = start;
        }

        delivered.Attempts.Select(a => a.StatusCode).ShouldBe([500, 200]);
        receiver.Received.Select(r => r.DeliveryId).Distinct().Count().ShouldBe(1, "a retry carries the same delivery id, so receivers can dedupe");
        receiver.Received.ShouldAllBe(r => r.Body == receiver.Received[0].Body);
        (await client.SubscriptionAsync(id)).ConsecutiveFailures.ShouldBe(0);
        await client.UnsubscribeAsync(id);
    }

    [Fact]
    public async Task Repeated_failures_disable_the_subscription_with_a_reason_and_enabling_it_delivers_what_waited()
    {
        var failing = true;
        await using var receiver = await WebhookReceiver.StartAsync((_, _) => Task.FromResult(Volatile.Read(ref failing) ? 500 : 200));
        var client = app.Api();
        var subscription = await client.SubscribeAsync(receiver.Url, WebhookEventTypes.CommitmentCreated);
        var id = subscription.Subscription.Id;

        await client.NewCommitmentAsync();
        var start = app.Clock.Now;
        SubscriptionDto disabled;
        try
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                var pending = await client.DeliveryAsync(id, d => d.AttemptCount == attempt, $"attempt {attempt}");
                app.Clock.Now = pending.NextAttemptAt;
            }

            disabled = await EventuallyAsync(async () => await client.SubscriptionAsync(id) is { IsEnabled: false } s ? s : null, "the subscription to be disabled");
        }
        finally
        {
            app.Clock.Now = start;
        }

        disabled.DisabledReason.ShouldBe("Disabled after 3 consecutive failures; last: HTTP 500");
        var waiting = (await client.DeliveriesAsync(id)).Single();
        waiting.State.ShouldBe(DeliveryState.Pending);
        waiting.AttemptCount.ShouldBe(3);

        Volatile.Write(ref failing, false);
        (await client.PostAsync($"{Api}/webhooks/{id}/enable", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var delivered = await client.DeliveryAsync(id, d => d.State == DeliveryState.Delivered, "delivery after enabling");
        delivered.Attempts.Select(a => a.StatusCode).ShouldBe([500, 500, 500, 200]);
        await client.UnsubscribeAsync(id);
    }
}

public sealed class SqliteWebhookDeliveryTests(WebhookAppFactory app) : WebhookDeliveryTests(app), IClassFixture<WebhookAppFactory>;

public sealed class PostgreSqlWebhookDeliveryTests(PostgreSqlWebhookAppFactory app) : WebhookDeliveryTests(app), IClassFixture<PostgreSqlWebhookAppFactory>;
