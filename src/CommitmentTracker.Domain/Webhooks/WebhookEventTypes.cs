namespace CommitmentTracker.Domain.Webhooks;

/// <summary>The events a webhook subscription can ask for, by the names receivers see.</summary>
public static class WebhookEventTypes
{
    public const string CommitmentCreated = "commitment.created";
    public const string CommitmentUpdated = "commitment.updated";
    public const string StatusAppended = "status.appended";
    public const string CommitmentOverdue = "commitment.overdue";

    public static IReadOnlyList<string> All { get; } = [CommitmentCreated, CommitmentUpdated, StatusAppended, CommitmentOverdue];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);
}
