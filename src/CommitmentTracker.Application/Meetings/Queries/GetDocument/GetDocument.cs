using AutoMapper;
using AutoMapper.QueryableExtensions;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Meetings.Queries.GetDocument;

/// <summary>A source document's metadata.</summary>
[Requires(Access.Read)]
public sealed record GetDocumentQuery(Guid Id) : IQuery<DocumentDto>;

/// <summary>A source document's text exactly as stored: span offsets index into it.</summary>
[Requires(Access.Read)]
public sealed record GetDocumentTextQuery(Guid Id) : IQuery<DocumentTextDto>;

public sealed record DocumentTextDto(Guid Id, string Sha256, string Text);

public sealed class GetDocumentHandler(IApplicationDbContext db, IMapper mapper)
    : IQueryHandler<GetDocumentQuery, DocumentDto>, IQueryHandler<GetDocumentTextQuery, DocumentTextDto>
{
    public async ValueTask<DocumentDto> Handle(GetDocumentQuery query, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking().Where(d => d.Id == query.Id)
            .ProjectTo<DocumentDto>(mapper.ConfigurationProvider)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Document", query.Id.ToString());

    public async ValueTask<DocumentTextDto> Handle(GetDocumentTextQuery query, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking().Where(d => d.Id == query.Id)
            .Select(d => new DocumentTextDto(d.Id, d.Sha256, d.Text))
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Document", query.Id.ToString());
}
