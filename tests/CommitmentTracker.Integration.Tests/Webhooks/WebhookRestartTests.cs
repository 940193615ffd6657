using CommitmentTracker.Domain.Webhooks;
using static CommitmentTracker.Integration.Tests.Webhooks.WebhookTestKit;

namespace CommitmentTracker.Integration.Tests.Webhooks;

/// <summary>A delivery in flight when the app stops is sent again by the next start over the same database.</summary>
public abstract class WebhookRestartTests
{
    protected abstract Task<ISharedDatabase> SharedDatabaseAsync();

    [Fact]
    public async Task A_delivery_interrupted_by_a_restart_is_delivered_after_it()
    {
        await using var database = await SharedDatabaseAsync();
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

        Guid subscriptionId;
        await using (var before = database.NewInstance())
        {
            var client = before.Api();
            subscriptionId = (await client.SubscribeAsync(receiver.Url, WebhookEventTypes.CommitmentCreated)).Subscription.Id;
            await client.NewCommitmentAsync();
            await held.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }

        // The signing secret is protected with keys kept in the database: the restarted app can still sign.
        await using var after = database.NewInstance();
        var restarted = after.Api();
        var delivered = await restarted.DeliveryAsync(subscriptionId, d => d.State == DeliveryState.Delivered, "delivery after the restart");

        receiver.Received.Count.ShouldBe(2);
        receiver.Received.Select(r => r.DeliveryId).Distinct().Single().ShouldBe(delivered.Id.ToString());
        delivered.Attempts.Count.ShouldBe(2);
        delivered.Attempts[0].Error.ShouldNotBeNull().ShouldContain("Interrupted");
        delivered.Attempts[1].StatusCode.ShouldBe(200);
    }
}

public sealed class SqliteWebhookRestartTests : WebhookRestartTests
{
    protected override Task<ISharedDatabase> SharedDatabaseAsync() => Task.FromResult<ISharedDatabase>(new SqliteSharedDatabase());
}

public sealed class PostgreSqlWebhookRestartTests : WebhookRestartTests
{
    protected override async Task<ISharedDatabase> SharedDatabaseAsync() => await PostgreSqlSharedDatabase.CreateAsync();
}
