using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Extraction;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Import.Queries.ListSuggestedPassages;

/// <summary>
/// The sentences of a meeting's records worth an analyst's look beside its proposals: no proposal cites them, and the
/// sentence model scores them close to a commitment (ADR 0117). Read from the stored records each time, so a passage
/// proposed or decided since leaves the list at once.
/// </summary>
[Requires(Access.Read)]
public sealed record ListSuggestedPassagesQuery(string MeetingIdOrCode) : IQuery<SuggestedPassages>
{
    /// <summary>The model's score from which a sentence is listed.</summary>
    public const double ScoreFrom = Extractor.WorthALook;

    /// <summary>
    /// The longest record read for them: the model embeds most sentences for this list, about 4 s per 100,000
    /// characters on two cores (ADR 0117), and the list is read again each time the review opens.
    /// </summary>
    public const int MaxRecordLength = 100_000;
}

/// <summary>
/// The sentences worth a look in a meeting's records, and the records too long to be read for them
/// (over <see cref="ListSuggestedPassagesQuery.MaxRecordLength"/> characters): there, select missed words by hand.
/// </summary>
public sealed record SuggestedPassages(IReadOnlyList<SuggestedPassageDto> Passages, IReadOnlyList<Guid> RecordsNotRead);

/// <summary>A sentence worth a look: where it is (propose it with these offsets), its words, and the model's score and strongest signals.</summary>
public sealed record SuggestedPassageDto(Guid DocumentId, int Start, int End, string Quote, double Score, string Reason);

public sealed class ListSuggestedPassagesHandler(IApplicationDbContext db) : IQueryHandler<ListSuggestedPassagesQuery, SuggestedPassages>
{
    public async ValueTask<SuggestedPassages> Handle(ListSuggestedPassagesQuery query, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Documents).Include(m => m.Participants)
            .Where(Lookup.MeetingKey(query.MeetingIdOrCode)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Meeting", query.MeetingIdOrCode);
        // The passages are a JSON column: a meeting's proposals are read whole (tens, not thousands).
        var proposals = await db.ImportCandidates.AsNoTracking().Where(c => c.MeetingId == meeting.Id).ToListAsync(cancellationToken);
        var issuer = proposals.Select(c => c.Issuer).FirstOrDefault(i => i is not null);
        var suggested = new List<SuggestedPassageDto>();
        var notRead = new List<Guid>();
        ExtractionRequest? reading = null;
        foreach (var document in meeting.Documents.OrderBy(d => d.Id))
        {
            if (document.Text.Length > ListSuggestedPassagesQuery.MaxRecordLength)
            {
                notRead.Add(document.Id);
                continue;
            }

            var cited = proposals.Where(c => c.DocumentId == document.Id).SelectMany(c => c.Passages).ToList();

            // The sides and the registered parties are the meeting's: read once, each record's own text and language.
            reading = reading is null
                ? await db.RecordReadingAsync(meeting, document, issuer, cancellationToken)
                : reading with { Text = document.Text, Language = document.Language };
            suggested.AddRange(Extractor.Suggest(reading, cancellationToken)
                .Where(s => !cited.Any(p => p.Start < s.End && s.Start < p.End))
                .Select(s => new SuggestedPassageDto(document.Id, s.Start, s.End, s.Quote, s.Score, s.Reason)));
        }

        return new SuggestedPassages(suggested, notRead);
    }
}
