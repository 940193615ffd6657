using System.Text.Json;
using System.Text.Json.Serialization;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Webhooks;

namespace CommitmentTracker.Application.Webhooks.Common;

/// <summary>
/// The one place webhook bodies are made. Every event carries its id, type and time, and the commitment as it
/// stands after the change; status.appended adds the entry. The JSON is made once per event and sent byte for byte
/// to every receiver, so each signature covers exactly what was sent.
/// </summary>
public static class WebhookPayloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The one table from domain events to webhook events: what each is called and what its body carries. An event
    /// that receivers do not hear about gives null. The outbox row takes the domain event's id.
    /// </summary>
    public static OutboxEvent? For(DomainEvent domainEvent) => domainEvent switch
    {
        CommitmentCaptured e => Event(e, WebhookEventTypes.CommitmentCreated, e.Commitment, null),
        CommitmentRevised e => Event(e, WebhookEventTypes.CommitmentUpdated, e.Commitment, null),
        StatusAppended e => Event(e, WebhookEventTypes.StatusAppended, e.Commitment, EntryOf(e.Entry)),
        CommitmentWentOverdue e => Event(e, WebhookEventTypes.CommitmentOverdue, e.Commitment, null),
        _ => null,
    };

    public static WebhookEventBody Read(string payload) => JsonSerializer.Deserialize<WebhookEventBody>(payload, Json)!;

    private static OutboxEvent Event(DomainEvent domainEvent, string type, Commitment commitment, WebhookStatusEntry? entry) =>
        new(domainEvent.Id, type, JsonSerializer.Serialize(new WebhookEventBody(domainEvent.Id, type, domainEvent.OccurredAt, CommitmentOf(commitment), entry), Json), domainEvent.OccurredAt);

    private static WebhookStatusEntry EntryOf(StatusEntry entry) =>
        new(entry.Id, entry.Sequence, entry.Status, entry.At, entry.Author, entry.ComplianceScore, entry.Confidence, entry.Rationale, entry.EvidenceLinks, entry.EffectiveOn);

    private static WebhookCommitment CommitmentOf(Commitment c) =>
        new(c.Id, c.Code, c.Title, c.CurrentStatus, c.Due is { } due ? DueWindowDto.From(due) : null);
}

/// <summary>What a receiver gets: <c>{ id, type, occurredAt, commitment, statusEntry? }</c>.</summary>
public sealed record WebhookEventBody(Guid Id, string Type, DateTimeOffset OccurredAt, WebhookCommitment Commitment, WebhookStatusEntry? StatusEntry);

public sealed record WebhookCommitment(Guid Id, string Code, string Title, LifecycleStatus Status, DueWindowDto? Due);


public sealed record WebhookStatusEntry(
    Guid Id, int Sequence, LifecycleStatus Status, DateTimeOffset At, string Author, int? ComplianceScore, Confidence? Confidence, string? Rationale, IReadOnlyList<string> EvidenceLinks, DateOnly EffectiveOn);
