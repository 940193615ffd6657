using AutoMapper;
using AutoMapper.QueryableExtensions;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Parties;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests;

/// <summary>The read-model maps, built exactly as the host builds them (AddApplication without a license key).</summary>
public class MappingConfigurationTests
{
    [Fact]
    public void The_mapping_configuration_is_valid()
    {
        using var services = BuildServices();
        var mapper = services.GetRequiredService<IMapper>();

        Should.NotThrow(() => mapper.ConfigurationProvider.AssertConfigurationIsValid());
    }

    [Fact]
    public void Every_mapping_compiles()
    {
        using var services = BuildServices();
        var mapper = services.GetRequiredService<IMapper>();

        Should.NotThrow(() => mapper.ConfigurationProvider.CompileMappings());
    }

    [Fact]
    public void Every_projection_used_by_the_queries_can_be_built()
    {
        using var services = BuildServices();
        var configuration = services.GetRequiredService<IMapper>().ConfigurationProvider;

        // ProjectTo builds the whole select expression up front; an empty source keeps it off any database.
        Should.NotThrow(() => Array.Empty<Party>().AsQueryable().ProjectTo<PartyDto>(configuration).ToList());
        Should.NotThrow(() => Array.Empty<Commitment>().AsQueryable().ProjectTo<CommitmentSummaryDto>(configuration).ToList());
        Should.NotThrow(() => Array.Empty<Commitment>().AsQueryable().ProjectTo<CommitmentDetailDto>(configuration).ToList());
        Should.NotThrow(() => Array.Empty<StatusEntry>().AsQueryable().ProjectTo<StatusEntryDto>(configuration).ToList());
        Should.NotThrow(() => Array.Empty<Meeting>().AsQueryable().ProjectTo<MeetingSummaryDto>(configuration).ToList());
        Should.NotThrow(() => Array.Empty<Meeting>().AsQueryable().ProjectTo<MeetingDetailDto>(configuration).ToList());
        Should.NotThrow(() => Array.Empty<SourceDocument>().AsQueryable().ProjectTo<DocumentDto>(configuration).ToList());
    }

    [Fact]
    public void A_status_entry_maps_to_its_read_model()
    {
        // AppendStatusEntryHandler maps the new entry in memory rather than projecting it.
        using var services = BuildServices();
        var mapper = services.GetRequiredService<IMapper>();
        var at = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var meeting = new Meeting("NSK-2023", "Forum of Regions", new DateOnly(2023, 10, 10), "Novosibirsk", MeetingFormat.Bilateral, null, at.AddMonths(-5));
        var terms = new CommitmentTerms("Open a trade house", null, CommitmentKind.Hub, Modality.Firm, Guid.NewGuid(), null, [], []);
        var commitment = new Commitment("NSK-2023-001", meeting, terms, "analyst", at.AddMonths(-4));
        var entry = commitment.AppendStatus(
            new StatusAssessment(LifecycleStatus.Confirmed, 1, Confidence.Green, "Confirmed by the ministry.", ["https://example.org/news/1"]),
            "manager",
            at);

        var dto = mapper.Map<StatusEntryDto>(entry);

        dto.Sequence.ShouldBe(2);
        dto.At.ShouldBe(at);
        dto.Author.ShouldBe("manager");
        dto.Status.ShouldBe(LifecycleStatus.Confirmed);
        dto.ComplianceScore.ShouldBe(1);
        dto.Confidence.ShouldBe(Confidence.Green);
        dto.Rationale.ShouldBe("Confirmed by the ministry.");
        dto.EvidenceLinks.ShouldBe(["https://example.org/news/1"]);
    }

    private static ServiceProvider BuildServices() =>
        new ServiceCollection().AddLogging().AddApplication(autoMapperLicenseKey: null).BuildServiceProvider();
}
