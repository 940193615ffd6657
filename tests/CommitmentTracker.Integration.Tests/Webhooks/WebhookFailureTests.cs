using System.Net;
using System.Net.Sockets;
using CommitmentTracker.Domain.Webhooks;
using static CommitmentTracker.Integration.Tests.Webhooks.WebhookTestKit;

namespace CommitmentTracker.Integration.Tests.Webhooks;

/// <summary>
/// The two ways a receiver fails without answering: it holds the request past the time-out, or nothing listens on
/// its port. Each is recorded as a failed attempt with its reason and retried like an HTTP error.
/// </summary>
public sealed class WebhookFailureTests : IClassFixture<WebhookAppFactory>
{
    private readonly WebhookAppFactory _app;

    public WebhookFailureTests(WebhookAppFactory app)
    {
        // A short time-out, set before the app starts (the first client starts it). The receiver below holds the
        // request until the dispatcher gives up, so the test waits for the outcome, not for a fixed time.
        app.Webhooks["TimeoutSeconds"] = "1";
        _app = app;
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_is_recorded_as_timed_out_and_retried()
    {
        await using var receiver = await WebhookReceiver.StartAsync(async (_, aborted) =>
        {
            await Task.Delay(Timeout.Infinite, aborted);
            return 200;
        });
        var client = _app.Api();
        var subscription = await client.SubscribeAsync(receiver.Url, WebhookEventTypes.CommitmentCreated);
        var id = subscription.Subscription.Id;

        await client.NewCommitmentAsync();
        var failed = await client.DeliveryAsync(id, d => d.AttemptCount == 1, "the attempt to time out");

        failed.State.ShouldBe(DeliveryState.Pending);
        failed.LastOutcome.ShouldBe("Timed out after 1 s");
        var attempt = failed.Attempts.ShouldHaveSingleItem();
        attempt.StatusCode.ShouldBeNull();
        attempt.Error.ShouldBe("Timed out after 1 s");
        failed.NextAttemptAt.ShouldBeGreaterThan(attempt.At, "a time-out is retried after its back-off");
        receiver.Received.Count.ShouldBe(1, "the receiver did get the request");
        var state = await client.SubscriptionAsync(id);
        state.ConsecutiveFailures.ShouldBe(1);
        state.IsEnabled.ShouldBeTrue();
        await client.UnsubscribeAsync(id);
    }

    [Fact]
    public async Task A_refused_connection_is_recorded_with_the_socket_error_and_retried()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}/hook";
        var client = _app.Api();
        var subscription = await client.SubscribeAsync(url, WebhookEventTypes.CommitmentCreated);
        var id = subscription.Subscription.Id;

        await client.NewCommitmentAsync();
        var failed = await client.DeliveryAsync(id, d => d.AttemptCount == 1, "the refused attempt");

        failed.State.ShouldBe(DeliveryState.Pending);
        var attempt = failed.Attempts.ShouldHaveSingleItem();
        attempt.StatusCode.ShouldBeNull();
        attempt.Error.ShouldNotBeNull().ShouldContain("Connection refused");
        failed.LastOutcome.ShouldBe(attempt.Error);
        failed.NextAttemptAt.ShouldBeGreaterThan(attempt.At);
        (await client.SubscriptionAsync(id)).ConsecutiveFailures.ShouldBe(1);
        await client.UnsubscribeAsync(id);
    }

    // A port that was free a moment ago and has no listener now: connecting to it is refused at once.
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
