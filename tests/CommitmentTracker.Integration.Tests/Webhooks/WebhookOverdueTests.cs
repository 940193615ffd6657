using CommitmentTracker.Application.Webhooks.Commands.AnnounceOverdue;
using CommitmentTracker.Domain.Webhooks;
using CommitmentTracker.Infrastructure;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static CommitmentTracker.Integration.Tests.Webhooks.WebhookTestKit;

namespace CommitmentTracker.Integration.Tests.Webhooks;

/// <summary>commitment.overdue fires once when an item becomes overdue, however often the scheduled check runs.</summary>
public abstract class WebhookOverdueTests(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overdue_fires_exactly_once_when_the_due_window_has_passed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var client = app.Api();
        var subscription = await client.SubscribeAsync(receiver.Url, WebhookEventTypes.CommitmentOverdue);
        var commitment = await client.NewCommitmentAsync();
        var check = new AnnounceOverdue(app.Services);

        await check.RunAsync(Ct);
        receiver.Received.ShouldNotContain(r => r.Body.Contains(commitment.Code, StringComparison.Ordinal), "not overdue before its window closes");

        var start = app.Clock.Now;
        try
        {
            app.Clock.Now = new DateTimeOffset(2025, 12, 1, 9, 0, 0, TimeSpan.Zero);
            (await check.RunAsync(Ct)).ShouldBeGreaterThan(0);
            var overdue = await receiver.ReceivedAsync(r => r.Body.Contains(commitment.Code, StringComparison.Ordinal), "commitment.overdue");
            VerifySignature(overdue, subscription.Secret);
            overdue.EventType.ShouldBe(WebhookEventTypes.CommitmentOverdue);

            app.Clock.Now = app.Clock.Now.AddDays(3);
            (await check.RunAsync(Ct)).ShouldBe(0);
            (await check.RunAsync(Ct)).ShouldBe(0);
            await EventuallyAsync(async () => (await client.DeliveriesAsync(subscription.Subscription.Id)).All(d => d.State == DeliveryState.Delivered) ? "drained" : null, "every delivery");
            receiver.Received.Count(r => r.Body.Contains(commitment.Code, StringComparison.Ordinal)).ShouldBe(1);
        }
        finally
        {
            app.Clock.Now = start;
        }
    }
}

/// <summary>Runs the use case the worker schedules, as the worker does: in a system scope.</summary>
internal sealed class AnnounceOverdue(IServiceProvider services)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AnnounceOverdueCommand(), ct);
    }
}

public sealed class SqliteWebhookOverdueTests(WebhookAppFactory app) : WebhookOverdueTests(app), IClassFixture<WebhookAppFactory>;

public sealed class PostgreSqlWebhookOverdueTests(PostgreSqlWebhookAppFactory app) : WebhookOverdueTests(app), IClassFixture<PostgreSqlWebhookAppFactory>;
