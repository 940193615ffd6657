using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Import.Queries.ListCandidates;

/// <summary>What the extractor proposed for a meeting, in text order, with each decision taken.</summary>
[Requires(Access.Read)]
public sealed record ListCandidatesQuery(string MeetingIdOrCode) : IQuery<IReadOnlyList<CandidateDto>>;

public sealed class ListCandidatesHandler(IApplicationDbContext db) : IQueryHandler<ListCandidatesQuery, IReadOnlyList<CandidateDto>>
{
    public async ValueTask<IReadOnlyList<CandidateDto>> Handle(ListCandidatesQuery query, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Where(Lookup.MeetingKey(query.MeetingIdOrCode)).Select(m => new { m.Id, m.Date }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Meeting", query.MeetingIdOrCode);
        var candidates = await db.ImportCandidates.AsNoTracking().Where(c => c.MeetingId == meeting.Id).OrderBy(c => c.Start)
            .Select(c => new CandidateDto
            {
                Id = c.Id,
                Start = c.Start,
                End = c.End,
                Quote = c.Quote,
                Kind = c.Kind,
                Modality = c.Modality,
                SuggestedTitle = c.SuggestedTitle,
                PartyKeys = c.PartyKeys,
                DuePhrase = c.DuePhrase,
                Amounts = c.Amounts,
                Cue = c.Cue,
                Confidence = c.Confidence,
                Decision = c.Decision,
                CommitmentId = c.CommitmentId,
            })
            .ToListAsync(cancellationToken);

        // The window the phrase means, resolved as it would be on capture: against the meeting date.
        foreach (var c in candidates)
        {
            if (DueWindowParser.TryParse(c.DuePhrase, meeting.Date, out var due, out _))
            {
                c.Due = new DueWindowDto { Phrase = due.Phrase, Precision = due.Precision, Earliest = due.Earliest, Latest = due.Latest };
            }
        }

        return candidates;
    }
}
