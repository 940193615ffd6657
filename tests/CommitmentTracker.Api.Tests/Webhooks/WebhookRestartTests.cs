using CommitmentTracker.Domain.Webhooks;
using static CommitmentTracker.Api.Tests.Webhooks.WebhookTestKit;

namespace CommitmentTracker.Api.Tests.Webhooks;

/// <summary>A delivery in flight when the app stops is sent again by the next start over the same database.</summary>
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task A_delivery_interrupted_by_a_restart_is_delivered_after_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"commitment-tracker-restart-{Guid.NewGuid():N}.db");
        var held = new TaskCompletionSource();
        // The first request is held until the sender gives up on it (the app stops); later ones are answered at once.
        await using var receiver = await WebhookReceiver.StartAsync(async (r, aborted) =>
        {
            if (r.Number == 1)
            {
                held.TrySetResult();
                await Task.Delay(Timeout.Infinite, aborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return 200;
        });
        try
        {
            Guid subscriptionId;
            await using (var before = WebhookAppFactory.Over(file))
            {
                var client = before.Api();
                subscriptionId = (await client.SubscribeAsync(receiver.Url, WebhookEventTypes.CommitmentCreated)).Subscription.Id;
                await client.NewCommitmentAsync();
                await held.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            }

            await using var after = WebhookAppFactory.Over(file);
            var restarted = after.Api();
            var delivered = await restarted.DeliveryAsync(subscriptionId, d => d.State == DeliveryState.Delivered, "delivery after the restart");

            receiver.Received.Count.ShouldBe(2);
            receiver.Received.Select(r => r.DeliveryId).Distinct().Single().ShouldBe(delivered.Id.ToString());
            delivered.Attempts.Count.ShouldBe(2);
            delivered.Attempts[0].Error.ShouldNotBeNull().ShouldContain("Interrupted");
            delivered.Attempts[1].StatusCode.ShouldBe(200);
        }
        finally
        {
            WebhookAppFactory.DeleteFiles(file);
        }
    }
}
