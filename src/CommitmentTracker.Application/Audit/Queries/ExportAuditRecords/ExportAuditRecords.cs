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

public sealed class ExportAuditRecordsValidator : AbstractValidator<ExportAuditRecordsQuery>
{
    public ExportAuditRecordsValidator() => RuleFor(x => x.Filter).NotNull().SetValidator(new AuditFilterValidator());
}

public sealed class ExportAuditRecordsHandler(IApplicationDbContext db) : IQueryHandler<ExportAuditRecordsQuery, IAsyncEnumerable<AuditRecordDto>>
{
    public ValueTask<IAsyncEnumerable<AuditRecordDto>> Handle(ExportAuditRecordsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(db.AuditRecords.Apply(query.Filter).NewestFirst().AsAsyncEnumerable().Select(AuditRecordDto.From));
}
