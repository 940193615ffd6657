using AutoMapper;
using CommitmentTracker.Domain.Parties;

namespace CommitmentTracker.Application.Parties;

/// <summary>Party → read model map (translatable by EF Core, see CommitmentMappings).</summary>
public sealed class PartyMappings : Profile
{
    public PartyMappings() =>
        CreateMap<Party, PartyDto>()
            .ForMember(d => d.ParentKey, o => o.MapFrom(s => s.Parent == null ? null : s.Parent.Key));
}
