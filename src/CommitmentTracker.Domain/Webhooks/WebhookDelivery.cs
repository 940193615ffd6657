namespace CommitmentTracker.Domain.Webhooks;

public enum DeliveryState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every allowed attempt failed; nothing more is tried.</summary>
    Abandoned,
}

/// <summary>One event on its way to one subscription, with every attempt made to hand it over.</summary>
public sealed class WebhookDelivery : Entity
{
    public const int MaxOutcomeLength = 500;

    private readonly List<DeliveryAttempt> _attempts = [];

    private WebhookDelivery()
    {
        EventType = string.Empty;
    }

    public WebhookDelivery(Guid subscriptionId, OutboxEvent outboxEvent, DateTimeOffset now)
    {
        SubscriptionId = subscriptionId;
        EventId = outboxEvent.Id;
        EventType = outboxEvent.Type;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid SubscriptionId { get; private set; }

    public Guid EventId { get; private set; }

    public string EventType { get; private set; }

    public DeliveryState State { get; private set; }

    public int AttemptCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>
    /// While set and in the future, one worker holds the delivery. A worker that dies holding it simply lets the
    /// lease run out, and the delivery is tried again: at least once, never lost.
    /// </summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>The last attempt's outcome in words ("HTTP 500", "Timed out after 10 s").</summary>
    public string? LastOutcome { get; private set; }

    public IReadOnlyList<DeliveryAttempt> Attempts => _attempts;

    public DeliveryAttempt Succeeded(DateTimeOffset at, int statusCode, TimeSpan duration)
    {
        var attempt = Record(at, statusCode, null, duration);
        State = DeliveryState.Delivered;
        DeliveredAt = at;
        return attempt;
    }

    /// <summary>A failed attempt: tried again at <paramref name="retryAt"/>, or abandoned when that is null.</summary>
    public DeliveryAttempt Failed(DateTimeOffset at, int? statusCode, string? error, TimeSpan duration, DateTimeOffset? retryAt)
    {
        var attempt = Record(at, statusCode, error, duration);
        if (retryAt is { } next)
        {
            NextAttemptAt = next;
        }
        else
        {
            State = DeliveryState.Abandoned;
        }

        return attempt;
    }

    /// <summary>
    /// The app stopped mid-send: the receiver may or may not have it, so it goes again at once after the restart
    /// (receivers dedupe on the delivery id). Not the receiver's fault, so it does not count towards disabling.
    /// </summary>
    public DeliveryAttempt Interrupted(DateTimeOffset at, TimeSpan duration)
    {
        var attempt = Record(at, null, "Interrupted: the app stopped before the receiver answered", duration);
        NextAttemptAt = at;
        return attempt;
    }

    /// <summary>Tried at the next poll instead of after its back-off (the subscription was enabled again).</summary>
    public void DueNow(DateTimeOffset now)
    {
        if (State == DeliveryState.Pending && NextAttemptAt > now)
        {
            NextAttemptAt = now;
        }
    }

    private DeliveryAttempt Record(DateTimeOffset at, int? statusCode, string? error, TimeSpan duration)
    {
        AttemptCount++;
        var attempt = new DeliveryAttempt(Id, AttemptCount, at, statusCode, error, duration);
        _attempts.Add(attempt);
        LastOutcome = attempt.Outcome;
        LockedUntil = null;
        return attempt;
    }
}

/// <summary>One try at handing a delivery over: when, what the receiver said (or what went wrong), how long it took.</summary>
public sealed class DeliveryAttempt : Entity
{
    private DeliveryAttempt()
    {
    }

    internal DeliveryAttempt(Guid deliveryId, int number, DateTimeOffset at, int? statusCode, string? error, TimeSpan duration)
    {
        DeliveryId = deliveryId;
        Number = number;
        At = at;
        StatusCode = statusCode;
        Error = error is { Length: > WebhookDelivery.MaxOutcomeLength } ? error[..WebhookDelivery.MaxOutcomeLength] : error;
        DurationMs = (int)Math.Round(duration.TotalMilliseconds);
    }

    public Guid DeliveryId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The receiver's HTTP status; null when no answer came (refused, timed out).</summary>
    public int? StatusCode { get; private set; }

    public string? Error { get; private set; }

    public int DurationMs { get; private set; }

    /// <summary>"HTTP 500" or the error, as shown to administrators.</summary>
    public string Outcome => Error ?? $"HTTP {StatusCode}";

    public bool Succeeded => StatusCode is >= 200 and < 300;
}
