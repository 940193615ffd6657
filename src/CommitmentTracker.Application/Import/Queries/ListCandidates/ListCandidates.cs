using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Import;
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
        List<CandidateDto> candidates = [.. entities.Select(CandidateDto.From)];

        // The window the phrase means, resolved as it would be on capture: against the meeting date. A rejected
        // proposal whose passage another cites was merged into it (ADR 0081).
        foreach (var c in candidates)
        {
            if (DueWindowParser.TryParse(c.DuePhrase, meeting.Date, out var due, out _))
            {
                c.Due = DueWindowDto.From(due);
            }

            if (c.Decision == CandidateDecision.Rejected)
            {
                c.MergedInto = candidates.FirstOrDefault(o => o.Id != c.Id && o.Passages.Any(p => p.Start == c.Start && p.End == c.End))?.Id;
            }
        }

        return candidates;
    }
}
