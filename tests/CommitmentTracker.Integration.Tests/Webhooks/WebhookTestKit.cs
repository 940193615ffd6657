using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Meetings.Queries.GetMeeting;
using CommitmentTracker.Application.Webhooks.Commands.CreateSubscription;
using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Webhooks;

/// <summary>What the webhook tests do over the API, and how a receiver checks a signature.</summary>
public static class WebhookTestKit
{
    private const string Api = "/api/v1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<CreatedSubscriptionDto> SubscribeAsync(this HttpClient client, string url, params string[] eventTypes) =>
        await client.PostJsonAsync($"{Api}/webhooks", new CreateSubscriptionCommand { Name = "Test receiver " + Guid.NewGuid().ToString("N")[..6], Url = url, EventTypes = eventTypes })
            .ShouldBeJsonAsync<CreatedSubscriptionDto>(HttpStatusCode.Created);

    public static async Task<SubscriptionDto> SubscriptionAsync(this HttpClient client, Guid id) =>
        await client.GetAsync($"{Api}/webhooks/{id}", Ct).ShouldBeJsonAsync<SubscriptionDto>();

    public static async Task<IReadOnlyList<DeliveryDto>> DeliveriesAsync(this HttpClient client, Guid subscriptionId) =>
        (await client.GetAsync($"{Api}/webhooks/{subscriptionId}/deliveries?pageSize=200", Ct).ShouldBeJsonAsync<PagedResult<DeliveryDto>>()).Items;

    public static async Task UnsubscribeAsync(this HttpClient client, Guid id) =>
        (await client.DeleteAsync($"{Api}/webhooks/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

    /// <summary>A commitment on a meeting of the test's own, due "autumn 2025" (overdue from 1 December 2025).</summary>
    public static async Task<CommitmentDetailDto> NewCommitmentAsync(this HttpClient client)
    {
        var meeting = await client.NewMeetingAsync("WH");
        const string quote = LedgerData.FairQuote;
        return await client.PostJsonAsync($"{Api}/commitments", new CreateCommitmentCommand
        {
            Meeting = meeting.Code,
            Title = "Hold a joint trade fair",
            Kind = CommitmentKind.CulturalEvent,
            Modality = Modality.Firm,
            Issuer = "BY",
            Due = "autumn 2025",
            Responsibilities = [new ResponsibilityInput("BY-GOV", ResponsibilityRole.Lead)],
            Spans = [new SpanInput(meeting.Documents.Single().Id, 0, quote.Length, quote)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
    }

    public static async Task<StatusEntryDto> AppendStatusAsync(this HttpClient client, string code, LifecycleStatus status) =>
        await client.PostJsonAsync($"{Api}/commitments/{code}/status-history", new StatusEntryDraft { Status = status, Rationale = "Recorded by a webhook test." })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

    /// <summary>Checks the signature header the way the README tells receivers to; returns the signed timestamp.</summary>
    public static long VerifySignature(ReceivedWebhook request, string secret)
    {
        request.Signature.ShouldNotBeNull();
        var parts = request.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{parts["t"]}.{request.Body}"));
        CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"])).ShouldBeTrue("the signature does not verify with the secret");
        return long.Parse(parts["t"], CultureInfo.InvariantCulture);
    }

    /// <summary>Polls until <paramref name="check"/> gives a value; fails after the timeout (the outcome is asserted, never the time it took).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> check, string waitingFor, int timeoutSeconds = 30)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        while (true)
        {
            if (await check() is { } value)
            {
                return value;
            }

            try
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                throw new TimeoutException($"Still waiting for {waitingFor} after {timeoutSeconds} s.");
            }
        }
    }

    public static Task<ReceivedWebhook> ReceivedAsync(this WebhookReceiver receiver, Func<ReceivedWebhook, bool> match, string waitingFor) =>
        EventuallyAsync(() => Task.FromResult(receiver.Received.FirstOrDefault(match)), waitingFor);

    public static Task<DeliveryDto> DeliveryAsync(this HttpClient client, Guid subscriptionId, Func<DeliveryDto, bool> match, string waitingFor) =>
        EventuallyAsync(async () => (await client.DeliveriesAsync(subscriptionId)).FirstOrDefault(match), waitingFor);
}
