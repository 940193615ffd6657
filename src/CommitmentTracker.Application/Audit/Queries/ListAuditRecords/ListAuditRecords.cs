using CommitmentTracker.Application.Audit.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Audit.Queries.ListAuditRecords;

/// <summary>A page of the audit trail, newest first. Managers and administrators review who changed what.</summary>
[Requires(Access.Decide)]
public sealed record ListAuditRecordsQuery(AuditFilter Filter, int Page = 1, int PageSize = PagedResult<AuditRecordDto>.DefaultPageSize)
    : IQuery<PagedResult<AuditRecordDto>>;

public sealed class ListAuditRecordsValidator : AbstractValidator<ListAuditRecordsQuery>
{
    public ListAuditRecordsValidator()
    {
        RuleFor(x => x.Filter).NotNull().SetValidator(new AuditFilterValidator());
        RuleFor(x => x.Page).IsPage();
        RuleFor(x => x.PageSize).InclusiveBetween(1, PagedResult<AuditRecordDto>.MaxPageSize);
    }
}

public sealed class ListAuditRecordsHandler(IApplicationDbContext db) : IQueryHandler<ListAuditRecordsQuery, PagedResult<AuditRecordDto>>
{
    public async ValueTask<PagedResult<AuditRecordDto>> Handle(ListAuditRecordsQuery query, CancellationToken cancellationToken)
    {
        var records = db.AuditRecords.Apply(query.Filter);
        var total = await records.CountAsync(cancellationToken);
        var page = await records.NewestFirst().Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditRecordDto>([.. page.Select(AuditRecordDto.From)], query.Page, query.PageSize, total);
    }
}
