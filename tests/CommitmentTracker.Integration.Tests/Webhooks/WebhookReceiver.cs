using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommitmentTracker.Integration.Tests.Webhooks;

/// <summary>One request as the receiver saw it.</summary>
public sealed record ReceivedWebhook(string Body, string? Signature, string? EventType, string? DeliveryId, int Number);

/// <summary>
/// A real HTTP receiver (Kestrel) on a free loopback port, started and stopped by the test. <c>respond</c> decides
/// each answer's status from the request and its number (1, 2, …); it may also hold the request.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private int _count;

    private WebhookReceiver(Func<ReceivedWebhook, CancellationToken, Task<int>> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var request = new ReceivedWebhook(
                await reader.ReadToEndAsync(http.RequestAborted),
                http.Request.Headers["X-CommitmentTracker-Signature"],
                http.Request.Headers["X-CommitmentTracker-Event"],
                http.Request.Headers["X-CommitmentTracker-Delivery"],
                Interlocked.Increment(ref _count));
            _received.Enqueue(request);
            return Results.StatusCode(await respond(request, http.RequestAborted));
        });
    }

    public string Url => _app.Urls.Single() + "/hook";

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static Task<WebhookReceiver> StartAsync(int status = 200) => StartAsync((_, _) => Task.FromResult(status));

    public static async Task<WebhookReceiver> StartAsync(Func<ReceivedWebhook, CancellationToken, Task<int>> respond)
    {
        var receiver = new WebhookReceiver(respond);
        await receiver._app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
