using AutoMapper;
using CommitmentTracker.Domain.Meetings;

namespace CommitmentTracker.Application.Meetings.Common;

/// <summary>Meeting → read model maps (translatable by EF Core, see CommitmentMappings).</summary>
public sealed class MeetingMappings : Profile
{
    public MeetingMappings()
    {
        CreateMap<Participant, ParticipantDto>()
            .ForMember(d => d.PersonName, o => o.MapFrom(s => s.Person == null ? null : s.Person.FullName));
        CreateMap<SourceDocument, DocumentDto>()
            .ForMember(d => d.Length, o => o.MapFrom(s => s.Text.Length));

        CreateMap<Meeting, MeetingSummaryDto>()
            .ForMember(d => d.CommitmentCount, o => o.Ignore());
        CreateMap<Meeting, MeetingDetailDto>()
            .ForMember(d => d.Commitments, o => o.Ignore());
    }
}
