using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Meetings.Queries.ListMeetingSpans;

/// <summary>Every quoted span of a meeting's commitments, to highlight them all in the record at once.</summary>
[Requires(Access.Read)]
public sealed record ListMeetingSpansQuery(string IdOrCode) : IQuery<IReadOnlyList<MeetingSpanDto>>;

public sealed record MeetingSpanDto(string Code, Guid DocumentId, int Start, int End);

public sealed class ListMeetingSpansHandler(IApplicationDbContext db) : IQueryHandler<ListMeetingSpansQuery, IReadOnlyList<MeetingSpanDto>>
{
    public async ValueTask<IReadOnlyList<MeetingSpanDto>> Handle(ListMeetingSpansQuery query, CancellationToken cancellationToken)
    {
        var meeting = db.Meetings.Where(Lookup.MeetingKey(query.IdOrCode)).Select(m => m.Id);
        // A nested projection, flattened here: SQLite cannot translate SelectMany with the outer code (no APPLY).
        var commitments = await db.Commitments.AsNoTracking()
            .Where(c => meeting.Contains(c.MeetingId))
            .Select(c => new { c.Code, Spans = c.Spans.Select(s => new { s.DocumentId, s.Start, s.End }).ToList() })
            .ToListAsync(cancellationToken);
        return [.. commitments.SelectMany(c => c.Spans.Select(s => new MeetingSpanDto(c.Code, s.DocumentId, s.Start, s.End)))];
    }
}
