namespace CommitmentTracker.Domain.Webhooks;

/// <summary>
/// Something that happened, written in the same transaction as the change itself, so no event is lost and none is
/// announced for a change that was rolled back. The delivery worker fans it out to the subscriptions that want it.
/// </summary>
public sealed class OutboxEvent : Entity
{
    public const int MaxTypeLength = 40;

    private OutboxEvent()
    {
        Type = string.Empty;
        Payload = string.Empty;
    }

    // The id is the one inside the payload, so receivers and the database agree on it.
    public OutboxEvent(Guid id, string type, string payload, DateTimeOffset occurredAt)
    {
        Id = id;
        Type = WebhookEventTypes.IsKnown(type) ? type : throw new DomainRuleException(nameof(Type), $"'{type}' is not an event type.");
        Payload = payload;
        OccurredAt = occurredAt;
    }

    public string Type { get; private set; }

    /// <summary>The JSON body every receiver gets, byte for byte (each signs it with its own secret).</summary>
    public string Payload { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>When deliveries were made for it; null while it waits for the worker.</summary>
    public DateTimeOffset? FannedOutAt { get; private set; }

    public void MarkFannedOut(DateTimeOffset now) => FannedOutAt = now;
}

/// <summary>
/// Marks that a commitment went overdue for one due window, so it is announced once: recording the notice raises
/// <see cref="Commitments.CommitmentWentOverdue"/>, whose id the notice keeps.
/// </summary>
public sealed class OverdueNotice : Entity
{
    private OverdueNotice()
    {
    }

    public OverdueNotice(Commitments.Commitment commitment, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (!commitment.IsOverdue(DateOnly.FromDateTime(recordedAt.UtcDateTime)))
        {
            throw new DomainRuleException(nameof(DueLatest), $"{commitment.Code} is not overdue on {recordedAt:yyyy-MM-dd}.");
        }

        var wentOverdue = new Commitments.CommitmentWentOverdue(commitment, commitment.DueLatest!.Value, recordedAt);
        CommitmentId = commitment.Id;
        DueLatest = wentOverdue.DueLatest;
        EventId = wentOverdue.Id;
        RecordedAt = recordedAt;
        Raise(wentOverdue);
    }

    public Guid CommitmentId { get; private set; }

    /// <summary>The window's last day: a rescheduled commitment that becomes overdue again fires again.</summary>
    public DateOnly DueLatest { get; private set; }

    public Guid EventId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
