using AutoMapper;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Commitments.Common;

/// <summary>
/// Commitment → read model maps. Every map must be translatable by EF Core, because lists use ProjectTo;
/// a test asserts the configuration is valid so a renamed property fails the build's tests, not a user.
/// </summary>
public sealed class CommitmentMappings : Profile
{
    public CommitmentMappings()
    {
        CreateMap<Responsibility, ResponsibilityDto>();
        CreateMap<SourceSpan, SourceSpanDto>();
        CreateMap<Observation, ObservationDto>();
        CreateMap<Target, TargetDto>()
            .ForMember(d => d.Observations, o => o.MapFrom(s => s.Observations.OrderBy(x => x.PeriodStart)));
        CreateMap<EvidenceFile, EvidenceFileDto>();
        CreateMap<StatusEntry, StatusEntryDto>()
            .ForMember(d => d.EvidenceFiles, o => o.MapFrom(s => s.EvidenceFiles.OrderBy(f => f.Ordinal)));

        CreateMap<Commitment, CommitmentSummaryDto>()
            .ForMember(d => d.Status, o => o.MapFrom(s => s.CurrentStatus))
            .ForMember(d => d.CapturedBy, o => o.MapFrom(s => s.StatusLog.OrderBy(e => e.Sequence).Select(e => e.Author).FirstOrDefault()))
            .ForMember(d => d.Due, o => o.MapFrom(DueWindowDto.OfCommitment));

        CreateMap<Commitment, CommitmentDetailDto>()
            .ForMember(d => d.Status, o => o.MapFrom(s => s.CurrentStatus))
            .ForMember(d => d.CapturedBy, o => o.MapFrom(s => s.StatusLog.OrderBy(e => e.Sequence).Select(e => e.Author).FirstOrDefault()))
            .ForMember(d => d.Due, o => o.MapFrom(DueWindowDto.OfCommitment))
            .ForMember(d => d.Spans, o => o.MapFrom(s => s.Spans.OrderBy(x => x.Start)))
            .ForMember(d => d.IsOverdue, o => o.Ignore())
            .ForMember(d => d.LatestEntry, o => o.Ignore());
    }
}
