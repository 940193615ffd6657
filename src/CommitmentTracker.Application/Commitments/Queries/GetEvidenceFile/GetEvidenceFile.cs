using AutoMapper;
using AutoMapper.QueryableExtensions;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Queries.GetEvidenceFile;

/// <summary>
/// An evidence file's facts and bytes, found through the commitment it belongs to: a file id under another
/// commitment's address is not found (404), the same answer as a file that does not exist, so an address says
/// nothing about files the reader did not reach through their commitment.
/// </summary>
[Requires(Access.Read)]
public sealed record GetEvidenceFileQuery(string IdOrCode, Guid FileId) : IQuery<EvidenceDownload>;

/// <summary>The file's facts and its bytes; the caller disposes <see cref="Content"/>.</summary>
public sealed record EvidenceDownload(EvidenceFileDto File, Stream Content);

public sealed class GetEvidenceFileValidator : AbstractValidator<GetEvidenceFileQuery>
{
    public GetEvidenceFileValidator()
    {
        RuleFor(x => x.IdOrCode).NotEmpty();
        RuleFor(x => x.FileId).NotEmpty().WithMessage("'fileId' must be the id of an evidence file.");
    }
}

public sealed class GetEvidenceFileHandler(IApplicationDbContext db, IMapper mapper, IEvidenceStore store) : IQueryHandler<GetEvidenceFileQuery, EvidenceDownload>
{
    public async ValueTask<EvidenceDownload> Handle(GetEvidenceFileQuery query, CancellationToken cancellationToken)
    {
        var commitment = await db.Commitments.AsNoTracking().Where(Lookup.CommitmentKey(query.IdOrCode)).Select(c => new { c.Id, c.Code })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Commitment", query.IdOrCode);
        var file = await db.EvidenceFiles.AsNoTracking().Where(f => f.Id == query.FileId && f.CommitmentId == commitment.Id)
            .ProjectTo<EvidenceFileDto>(mapper.ConfigurationProvider)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Evidence file of {commitment.Code}", query.FileId.ToString());

        // The ledger names the file but the store has lost it (a restore without the evidence folder): say so, as not found.
        var content = await store.OpenReadAsync(file.Id, cancellationToken)
            ?? throw new NotFoundException($"The stored content of evidence file '{file.FileName}' of {commitment.Code}", file.Id.ToString());
        return new EvidenceDownload(file, content);
    }
}
