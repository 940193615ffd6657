using System.Text.Json;
using System.Text.Json.Serialization;
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

    public static OutboxEvent CommitmentEvent(string type, Commitment commitment, DateTimeOffset occurredAt) =>
        Event(type, occurredAt, id => new WebhookEventBody(id, type, occurredAt, CommitmentOf(commitment), null));

    public static OutboxEvent StatusAppended(Commitment commitment, StatusEntry entry, DateTimeOffset occurredAt) =>
        Event(WebhookEventTypes.StatusAppended, occurredAt, id => new WebhookEventBody(id, WebhookEventTypes.StatusAppended, occurredAt, CommitmentOf(commitment), new WebhookStatusEntry(
            entry.Id, entry.Sequence, entry.Status, entry.At, entry.Author, entry.ComplianceScore, entry.Confidence, entry.Rationale, entry.EvidenceLinks)));

    public static WebhookEventBody Read(string payload) => JsonSerializer.Deserialize<WebhookEventBody>(payload, Json)!;

    private static OutboxEvent Event(string type, DateTimeOffset occurredAt, Func<Guid, WebhookEventBody> body)
    {
        var id = Guid.CreateVersion7();
        return new OutboxEvent(id, type, JsonSerializer.Serialize(body(id), Json), occurredAt);
    }

    private static WebhookCommitment CommitmentOf(Commitment c) =>
        new(c.Id, c.Code, c.Title, c.CurrentStatus, c.Due is { } due ? new WebhookDueWindow(due.Phrase, due.Precision, due.Earliest, due.Latest) : null);
}

/// <summary>What a receiver gets: <c>{ id, type, occurredAt, commitment, statusEntry? }</c>.</summary>
public sealed record WebhookEventBody(Guid Id, string Type, DateTimeOffset OccurredAt, WebhookCommitment Commitment, WebhookStatusEntry? StatusEntry);

public sealed record WebhookCommitment(Guid Id, string Code, string Title, LifecycleStatus Status, WebhookDueWindow? Due);

public sealed record WebhookDueWindow(string Phrase, DuePrecision Precision, DateOnly? Earliest, DateOnly? Latest);

public sealed record WebhookStatusEntry(
    Guid Id, int Sequence, LifecycleStatus Status, DateTimeOffset At, string Author, int? ComplianceScore, Confidence? Confidence, string? Rationale, IReadOnlyList<string> EvidenceLinks);
