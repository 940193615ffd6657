using CommitmentTracker.Application.Audit.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Audit.Queries.ExportAuditRecords;

/// <summary>Every audit record matching <see cref="Filter"/>, newest first, streamed from the database while the caller writes it out.</summary>
[Requires(Access.Decide)]
public sealed record ExportAuditRecordsQuery(AuditFilter Filter) : IQuery<IAsyncEnumerable<AuditRecordDto>>;

/// <summary>The audit export's columns, in order: the one definition of its CSV header and values.</summary>
public static class AuditExportColumns
{
    public static IReadOnlyList<CsvColumn<AuditRecordDto>> All { get; } =
    [
        new("position", r => r.Position),
        new("at", r => r.At),
        new("actorId", r => r.ActorId),
        new("actor", r => r.ActorName),
        new("entityType", r => r.EntityType),
        new("entityId", r => r.EntityId),
        new("entityKey", r => r.EntityKey),
        new("operation", r => r.Operation),
        new("changes", r => Describe(r.Changes)),
    ];

    // A spreadsheet cell a person can read; the JSON list endpoint keeps the values apart for programs.
    private static string Describe(IReadOnlyList<AuditFieldChange> changes) =>
        string.Join('\n', changes.Select(c => $"{c.Field}: {c.Old ?? "—"} → {c.New ?? "—"}"));
}

public sealed class ExportAuditRecordsValidator : AbstractValidator<ExportAuditRecordsQuery>
{
    public ExportAuditRecordsValidator() => RuleFor(x => x.Filter).NotNull().SetValidator(new AuditFilterValidator());
}

public sealed class ExportAuditRecordsHandler(IApplicationDbContext db) : IQueryHandler<ExportAuditRecordsQuery, IAsyncEnumerable<AuditRecordDto>>
{
    public ValueTask<IAsyncEnumerable<AuditRecordDto>> Handle(ExportAuditRecordsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(db.AuditRecords.Apply(query.Filter).NewestFirst().AsAsyncEnumerable().Select(AuditRecordDto.From));
}
