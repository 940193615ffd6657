using CommitmentTracker.Domain.Webhooks;
using static CommitmentTracker.Integration.Tests.Webhooks.WebhookTestKit;

namespace CommitmentTracker.Integration.Tests.Webhooks;

/// <summary>
/// Two app instances over one database run their webhook workers at once: both fan out and claim from the same
/// outbox, and still every event reaches the receiver exactly once (one claim per delivery, one delivery per event).
/// </summary>
public abstract class WebhookScaleOutTests
{
    private const int Events = 24;

    protected abstract Task<ISharedDatabase> SharedDatabaseAsync();

    [Fact]
    public async Task Two_instances_claiming_from_one_outbox_deliver_every_event_exactly_once()
    {
        await using var database = await SharedDatabaseAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var first = database.NewInstance();
        var a = first.Api();
        var subscription = await a.SubscribeAsync(receiver.Url, WebhookEventTypes.CommitmentCreated);
        await using var second = database.NewInstance();
        var b = second.Api();

        // Commitments are captured through both instances at once, so both workers find work as it arrives.
        var created = await Task.WhenAll(Enumerable.Range(0, Events).Select(i => (i % 2 == 0 ? a : b).NewCommitmentAsync()));

        var deliveries = await EventuallyAsync(
            async () => await a.DeliveriesAsync(subscription.Subscription.Id) is { Count: Events } all && all.All(d => d.State == DeliveryState.Delivered) ? all : null,
            $"{Events} deliveries to be delivered");

        deliveries.ShouldAllBe(d => d.AttemptCount == 1, "a delivery claimed by one instance is never sent again by the other");
        receiver.Received.Count.ShouldBe(Events);
        receiver.Received.Select(r => r.DeliveryId).Distinct().Count().ShouldBe(Events);
        foreach (var commitment in created)
        {
            receiver.Received.Count(r => r.Body.Contains(commitment.Code, StringComparison.Ordinal)).ShouldBe(1, commitment.Code);
        }
    }
}

public sealed class SqliteWebhookScaleOutTests : WebhookScaleOutTests
{
    protected override Task<ISharedDatabase> SharedDatabaseAsync() => Task.FromResult<ISharedDatabase>(new SqliteSharedDatabase());
}

public sealed class PostgreSqlWebhookScaleOutTests : WebhookScaleOutTests
{
    protected override async Task<ISharedDatabase> SharedDatabaseAsync() => await PostgreSqlSharedDatabase.CreateAsync();
}
