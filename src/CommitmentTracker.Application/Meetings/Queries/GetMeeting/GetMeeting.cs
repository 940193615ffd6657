using AutoMapper;
using AutoMapper.QueryableExtensions;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Meetings.Queries.GetMeeting;

/// <summary>A meeting with its participants, documents (without their text) and the commitments taken from it.</summary>
[Requires(Access.Read)]
public sealed record GetMeetingQuery(string IdOrCode) : IQuery<MeetingDetailDto>;

public sealed class GetMeetingHandler(IApplicationDbContext db, IMapper mapper) : IQueryHandler<GetMeetingQuery, MeetingDetailDto>
{
    public async ValueTask<MeetingDetailDto> Handle(GetMeetingQuery query, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(Lookup.MeetingKey(query.IdOrCode))
            .ProjectTo<MeetingDetailDto>(mapper.ConfigurationProvider)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Meeting", query.IdOrCode);

        meeting.Participants = [.. meeting.Participants.OrderBy(p => p.Role)];
        meeting.Commitments = await db.Commitments.AsNoTracking().Where(c => c.MeetingId == meeting.Id)
            .OrderBy(c => c.Code)
            .ProjectTo<CommitmentSummaryDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
        return meeting;
    }
}
