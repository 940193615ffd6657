using CommitmentTracker.Application.Commitments.Common;
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
        // Loaded whole and mapped here: the passages are a JSON column, and a meeting has tens of proposals, not thousands.
        var entities = await db.ImportCandidates.AsNoTracking().Where(c => c.MeetingId == meeting.Id).OrderBy(c => c.Start).ToListAsync(cancellationToken);
        var candidates = entities.Select(c => new CandidateDto
        {
            Id = c.Id,
            Start = c.Start,
            End = c.End,
            Quote = c.Quote,
            Passages = [.. c.Passages.Select(p => new CandidatePassageDto(p.Start, p.End, p.Quote))],
            Language = c.Language,
            Kind = c.Kind,
            Modality = c.Modality,
            SuggestedTitle = c.SuggestedTitle,
            Issuer = c.Issuer,
            Lead = c.Lead,
            Counterparts = c.Counterparts,
            MentionedParties = c.PartyKeys,
            NewParty = c.NewParty,
            DuePhrase = c.DuePhrase,
            Amounts = c.Amounts,
            Cue = c.Cue,
            Confidence = c.Confidence,
            Decision = c.Decision,
            CommitmentId = c.CommitmentId,
        })
            .ToList();

        // The window the phrase means, resolved as it would be on capture: against the meeting date.
        foreach (var c in candidates)
        {
            if (DueWindowParser.TryParse(c.DuePhrase, meeting.Date, out var due, out _))
            {
                c.Due = DueWindowDto.From(due);
            }
        }

        return candidates;
    }
}
