using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Telemetry;
using CommitmentTracker.Application.Webhooks.Common;
using CommitmentTracker.Domain.Webhooks;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommitmentTracker.Infrastructure.Webhooks;

/// <summary>
/// Turns outbox events into deliveries and hands due deliveries to their receivers. Every step is safe to run in
/// several instances at once and to interrupt at any point: at least once, never lost.
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    AppTelemetry telemetry,
    ILogger<WebhookDispatcher> logger)
{
    public const string HttpClientName = "webhooks";
    private const int FanOutBatch = 100;

    private WebhookOptions Options => options.Value;

    /// <summary>
    /// One delivery per new event and enabled subscription that wants it, recorded with the event's "fanned out" mark
    /// in one save. Done here rather than in the writing transaction, so a business write costs one insert and reads
    /// no webhook tables. Returns how many events it handled.
    /// </summary>
    public async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var events = await db.Set<OutboxEvent>().Where(e => e.FannedOutAt == null)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(FanOutBatch).ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.IsEnabled).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var e in events)
        {
            db.WebhookDeliveries.AddRange(subscriptions.Where(s => s.Wants(e.Type)).Select(s => new WebhookDelivery(s.Id, e, now)));
            e.MarkFannedOut(now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateException)
        {
            // Another instance fanned out the same events first; its deliveries stand.
            return 0;
        }

        return events.Count;
    }

    /// <summary>Claims the deliveries that are due and sends them, a few at a time. Returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken stopping)
    {
        var claimed = await ClaimDueAsync(stopping);
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.Parallelism) }, (id, _) => new ValueTask(DeliverAsync(id, stopping)));
        return claimed.Count;
    }

    // A claim is a conditional update: of two workers racing for a delivery, exactly one changes the row.
    private async Task<List<Guid>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var batch = Math.Max(1, Options.Parallelism) * 4;
        var leaseEnd = now + Options.Lease;
        if (db.Database.IsNpgsql())
        {
            return await ClaimOnPostgreSqlAsync(db, now, leaseEnd, batch, cancellationToken);
        }

        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil <= now))
            .Where(d => db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.IsEnabled))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Select(d => d.Id).Take(batch).ToListAsync(cancellationToken);

        var claimed = new List<Guid>();
        foreach (var id in due)
        {
            var changed = await db.WebhookDeliveries
                .Where(d => d.Id == id && d.State == DeliveryState.Pending && (d.LockedUntil == null || d.LockedUntil <= now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, leaseEnd), cancellationToken);
            if (changed == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    /// <summary>
    /// PostgreSQL claims a batch in one statement: rows another worker is claiming right now are skipped rather than
    /// waited for (FOR UPDATE SKIP LOCKED), and a row locked after another worker's claim committed is re-checked
    /// against its new lease, so two workers never hold the same delivery.
    /// </summary>
    private static async Task<List<Guid>> ClaimOnPostgreSqlAsync(AppDbContext db, DateTimeOffset now, DateTimeOffset leaseEnd, int batch, CancellationToken cancellationToken)
    {
        var pending = nameof(DeliveryState.Pending);
        return await db.Database.SqlQuery<Guid>($"""
            UPDATE "WebhookDeliveries" AS claimed SET "LockedUntil" = {leaseEnd}
            WHERE claimed."Id" IN (
                SELECT d."Id" FROM "WebhookDeliveries" AS d
                JOIN "WebhookSubscriptions" AS s ON s."Id" = d."SubscriptionId" AND s."IsEnabled"
                WHERE d."State" = {pending} AND d."NextAttemptAt" <= {now} AND (d."LockedUntil" IS NULL OR d."LockedUntil" <= {now})
                ORDER BY d."NextAttemptAt", d."Id"
                LIMIT {batch}
                FOR UPDATE OF d SKIP LOCKED)
            RETURNING claimed."Id" AS "Value"
            """).ToListAsync(cancellationToken);
    }

    private async Task DeliverAsync(Guid deliveryId, CancellationToken stopping)
    {
        await using var scope = scopes.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var secrets = scope.ServiceProvider.GetRequiredService<IWebhookSecrets>();
        var delivery = await db.WebhookDeliveries.FirstAsync(d => d.Id == deliveryId, CancellationToken.None);
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstAsync(s => s.Id == delivery.SubscriptionId, CancellationToken.None);
        var payload = await db.Set<OutboxEvent>().Where(e => e.Id == delivery.EventId).Select(e => e.Payload).FirstAsync(CancellationToken.None);

        var sentAt = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var (status, error, interrupted) = await SendAsync(subscription, delivery, payload, secrets, sentAt, stopping);
        var duration = Stopwatch.GetElapsedTime(started);

        // The outcome is recorded even while the app is stopping: that is what makes a restart resume correctly.
        await RecordAsync(db, deliveryId, subscription.Id, sentAt, status, error, interrupted, duration);
    }

    private async Task<(int? Status, string? Error, bool Interrupted)> SendAsync(
        WebhookSubscription subscription, WebhookDelivery delivery, string payload, IWebhookSecrets secrets, DateTimeOffset sentAt, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(secrets.Unprotect(subscription.ProtectedSecret), sentAt.ToUnixTimeSeconds(), payload));
        request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, null, false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return (null, null, true);
        }
        catch (OperationCanceledException)
        {
            return (null, $"Timed out after {Options.TimeoutSeconds:0.#} s", false);
        }
        catch (HttpRequestException ex)
        {
            var inner = ex.InnerException?.Message;
            return (null, inner is { Length: > 0 } && !ex.Message.Contains(inner, StringComparison.Ordinal) ? $"{ex.Message} ({inner})" : ex.Message, false);
        }
    }

    private async Task RecordAsync(AppDbContext db, Guid deliveryId, Guid subscriptionId, DateTimeOffset at, int? status, string? error, bool interrupted, TimeSpan duration)
    {
        // An administrator may edit the subscription meanwhile (its version is a concurrency token): read again and retry.
        for (var round = 1; ; round++)
        {
            db.ChangeTracker.Clear();
            var delivery = await db.WebhookDeliveries.FirstAsync(d => d.Id == deliveryId, CancellationToken.None);
            var subscription = await db.WebhookSubscriptions.FirstAsync(s => s.Id == subscriptionId, CancellationToken.None);
            if (interrupted)
            {
                delivery.Interrupted(at, duration);
            }
            else if (status is >= 200 and < 300)
            {
                delivery.Succeeded(at, status.Value, duration);
                subscription.RecordSuccess();
            }
            else
            {
                var attempts = delivery.AttemptCount + 1;
                DateTimeOffset? retryAt = attempts >= Options.MaxAttempts
                    ? null
                    : at + RetrySchedule.Delay(attempts, TimeSpan.FromSeconds(Options.RetryBaseSeconds), TimeSpan.FromSeconds(Options.RetryMaxSeconds), Random.Shared.NextDouble());
                var attempt = delivery.Failed(at, status, error, duration, retryAt);
                subscription.RecordFailure(attempt.Outcome, Options.DisableAfterFailures, at);
                LogFailed(logger, deliveryId, subscription.Name, attempt.Outcome, attempt.Number);
            }

            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                telemetry.RecordWebhookDelivery(OutcomeOf(status, interrupted));
                return;
            }
            catch (ConcurrencyConflictException) when (round < 3)
            {
            }
        }
    }

    /// <summary>A few outcome names for the delivery metric, not the free-text reason the delivery log keeps.</summary>
    private static string OutcomeOf(int? status, bool interrupted) => (status, interrupted) switch
    {
        (_, true) => "interrupted",
        ( >= 200 and < 300, _) => "delivered",
        (int code, _) => $"http_{code / 100}xx",
        _ => "unreachable",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {Subscription} failed: {Outcome} (attempt {Attempt})")]
    private static partial void LogFailed(ILogger logger, Guid deliveryId, string subscription, string outcome, int attempt);
}
