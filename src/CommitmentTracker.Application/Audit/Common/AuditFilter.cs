using System.Text.Json;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Audit;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Audit.Common;

/// <summary>Which audit records a view or export is about; the list and the CSV use the same filter.</summary>
public sealed record AuditFilter
{
    /// <summary>An actor id (user id, "key:{id}", "system") or part of the actor's name.</summary>
    public string? Actor { get; init; }

    /// <summary>Commitment, StatusEntry, Meeting, ApiKey, User, UserRole…</summary>
    public string? EntityType { get; init; }

    /// <summary>The entity's id or its human key (a commitment code, a user name).</summary>
    public string? Entity { get; init; }

    /// <summary>First UTC day included.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last UTC day included.</summary>
    public DateOnly? To { get; init; }
}

public sealed class AuditFilterValidator : AbstractValidator<AuditFilter>
{
    public AuditFilterValidator()
    {
        RuleFor(x => x.Actor).MaximumLength(256);
        RuleFor(x => x.EntityType).MaximumLength(64);
        RuleFor(x => x.Entity).MaximumLength(450);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("'To' must not be before 'From'.");
    }
}

/// <summary>A field's value before and after the change, as text (numbers and dates as JSON writes them).</summary>
public sealed record AuditFieldChange(string Field, string? Old, string? New);

public sealed record AuditRecordDto(
    long Position,
    DateTimeOffset At,
    string ActorId,
    string ActorName,
    string EntityType,
    string EntityId,
    string? EntityKey,
    AuditOperation Operation,
    IReadOnlyList<AuditFieldChange> Changes)
{
    public static AuditRecordDto From(AuditRecord record) => new(
        record.Position, record.At, record.ActorId, record.ActorName, record.EntityType, record.EntityId, record.EntityKey, record.Operation, Parse(record.Changes));

    // Stored as { field: { old, new } } by the audit interceptor.
    private static List<AuditFieldChange> Parse(string changes)
    {
        using var json = JsonDocument.Parse(changes);
        return [.. json.RootElement.EnumerateObject().Select(field => new AuditFieldChange(field.Name, Text(field.Value, "old"), Text(field.Value, "new")))];
    }

    private static string? Text(JsonElement change, string side) =>
        change.TryGetProperty(side, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => value.GetString(),
                _ => value.GetRawText(),
            }
            : null;
}

public static class AuditFiltering
{
    public static IQueryable<AuditRecord> Apply(this IQueryable<AuditRecord> records, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            var pattern = TextSearch.Pattern(actor);
            records = records.Where(r => r.ActorId == actor || EF.Functions.Like(r.ActorName, pattern, TextSearch.Escape));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            records = records.Where(r => r.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            var entity = filter.Entity.Trim();
            records = records.Where(r => r.EntityId == entity || r.EntityKey == entity);
        }

        if (filter.From is { } from)
        {
            var start = StartOf(from);
            records = records.Where(r => r.At >= start);
        }

        // The calendar's last day has no day after it to end before: it bounds nothing.
        if (filter.To is { } to && to < DateOnly.MaxValue)
        {
            var end = StartOf(to.AddDays(1));
            records = records.Where(r => r.At < end);
        }

        return records;
    }

    /// <summary>Newest first; the position breaks ties and follows commit order.</summary>
    public static IOrderedQueryable<AuditRecord> NewestFirst(this IQueryable<AuditRecord> records) =>
        records.OrderByDescending(r => r.Position);

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
