using CommitmentTracker.Domain.Webhooks;

namespace CommitmentTracker.Application.Webhooks.Common;

public sealed class SubscriptionDto
{
    public Guid Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Url { get; init; } = string.Empty;

    public IReadOnlyList<string> EventTypes { get; init; } = [];

    public bool IsEnabled { get; init; }

    /// <summary>Why it is disabled (by an administrator or after repeated failures); null while enabled.</summary>
    public string? DisabledReason { get; init; }

    public DateTimeOffset? DisabledAt { get; init; }

    public int ConsecutiveFailures { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public long Version { get; init; }

    public static SubscriptionDto From(WebhookSubscription s) => new()
    {
        Id = s.Id,
        Name = s.Name,
        Url = s.Url,
        EventTypes = [.. s.EventTypes],
        IsEnabled = s.IsEnabled,
        DisabledReason = s.DisabledReason,
        DisabledAt = s.DisabledAt,
        ConsecutiveFailures = s.ConsecutiveFailures,
        CreatedAt = s.CreatedAt,
        UpdatedAt = s.UpdatedAt,
        Version = s.Version,
    };
}

/// <summary>A new subscription with its signing secret: the only time the secret is shown.</summary>
public sealed class CreatedSubscriptionDto
{
    public SubscriptionDto Subscription { get; init; } = new();

    public string Secret { get; init; } = string.Empty;
}

public sealed class DeliveryDto
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public string EventType { get; init; } = string.Empty;

    public DeliveryState State { get; init; }

    public int AttemptCount { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the next attempt is due (while pending).</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public string? LastOutcome { get; init; }

    public IReadOnlyList<DeliveryAttemptDto> Attempts { get; init; } = [];
}

public sealed class DeliveryAttemptDto
{
    public int Number { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The receiver's HTTP status; null when it did not answer.</summary>
    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    public int DurationMs { get; init; }
}
