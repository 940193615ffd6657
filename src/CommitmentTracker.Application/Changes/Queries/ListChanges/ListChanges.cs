using System.Globalization;
using System.Text.Json;
using CommitmentTracker.Application.Audit.Common;
using CommitmentTracker.Application.Changes.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Audit;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.Changes.Queries.ListChanges;

/// <summary>
/// Every change to commitments, meetings, status entries and evidence files after <see cref="After"/>, in commit order. A consumer
/// stores <see cref="ChangePage.Next"/> and asks again with it: it sees each change exactly once, even while
/// writes commit concurrently (see <see cref="IChangeLog"/>). No cursor means from the beginning.
/// </summary>
[Requires(Access.Read)]
public sealed record ListChangesQuery(string? After, int Limit = ListChangesQuery.DefaultLimit) : IQuery<ChangePage>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

/// <summary>One change: what changed, who changed it, its changed fields, and where its current state is (relative to /api/v1/).</summary>
public sealed record ChangeDto(
    string Cursor, string Entity, string Id, string? Key, AuditOperation Operation, DateTimeOffset At, string Actor, string Href,
    IReadOnlyList<AuditFieldChange> Changes);

/// <summary><see cref="Next"/> is the cursor to send next time; when nothing is new it is the cursor that was sent.</summary>
public sealed record ChangePage(IReadOnlyList<ChangeDto> Changes, string Next, bool HasMore);

public sealed class ListChangesValidator : AbstractValidator<ListChangesQuery>
{
    public ListChangesValidator()
    {
        RuleFor(x => x.After).Must(a => a is null || ChangeCursor.TryParse(a, out _))
            .WithMessage("'after' must be a cursor returned by this feed (the 'next' of an earlier page).");
        RuleFor(x => x.Limit).InclusiveBetween(1, ListChangesQuery.MaxLimit);
    }
}

public sealed class ListChangesHandler(IChangeLog log) : IQueryHandler<ListChangesQuery, ChangePage>
{
    public async ValueTask<ChangePage> Handle(ListChangesQuery query, CancellationToken cancellationToken)
    {
        var after = query.After is null ? 0 : ChangeCursor.Parse(query.After);

        // One more than asked tells whether another page is waiting.
        var changes = await log.ReadAsync(after, query.Limit + 1, FeedEntities.Types, cancellationToken);
        var page = changes.Take(query.Limit).Select(ToDto).ToList();
        var next = page.Count == 0 ? ChangeCursor.Format(after) : page[^1].Cursor;
        return new ChangePage(page, next, changes.Count > query.Limit);
    }

    private static ChangeDto ToDto(CommittedChange change)
    {
        var record = change.Record;
        var dto = AuditRecordDto.From(record);
        return new ChangeDto(
            ChangeCursor.Format(change.Cursor), FeedEntities.Names[record.EntityType], record.EntityId, record.EntityKey, record.Operation, record.At,
            record.ActorName, Href(record), dto.Changes);
    }

    private static string Href(AuditRecord record) => record.EntityType switch
    {
        "Meeting" => $"meetings/{record.EntityKey ?? record.EntityId}",
        "StatusEntry" => $"commitments/{record.EntityKey ?? CommitmentOf(record)}/status-history",
        "EvidenceFile" => $"commitments/{record.EntityKey ?? CommitmentOf(record)}/evidence/{record.EntityId}",
        _ => $"commitments/{record.EntityKey ?? record.EntityId}",
    };

    // An entry or a file is filed under its commitment's code; failing that, its record names the commitment's id.
    private static string? CommitmentOf(AuditRecord record)
    {
        using var json = JsonDocument.Parse(record.Changes);
        return json.RootElement.TryGetProperty("CommitmentId", out var field) && field.TryGetProperty("new", out var value) ? value.ToString() : null;
    }
}

/// <summary>The feed position as an opaque text, so consumers store it rather than compute with it.</summary>
public static class ChangeCursor
{
    public static string Format(long position) => position.ToString("x16", CultureInfo.InvariantCulture);

    public static long Parse(string cursor) => long.Parse(cursor, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    public static bool TryParse(string cursor, out long position) =>
        long.TryParse(cursor, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out position) && position >= 0 && cursor.Length == 16;
}
