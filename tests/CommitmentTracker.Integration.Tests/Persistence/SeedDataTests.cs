using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Infrastructure.Seeding;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Persistence;

/// <summary>The curated seed data, checked against the meeting records it was taken from.</summary>
public sealed partial class SeedDataTests
{
    private static readonly IReadOnlyList<MeetingSeed> Meetings = SeedLoader.Meetings(Repository.Seeds);

    public static TheoryData<string> SpanKeys() =>
        [.. Meetings.SelectMany(m => m.Commitments.SelectMany((c, _) => c.Spans.Select((_, i) => $"{c.Code}#{i}")))];

    [Theory]
    [MemberData(nameof(SpanKeys))]
    public void Every_span_quotes_the_text_exactly_at_its_offsets(string key)
    {
        var (meeting, commitment, index) = Find(key);
        var text = SeedLoader.DocumentText(Repository.Seeds, meeting.Document);
        var span = commitment.Spans[index];

        span.Start.ShouldBeGreaterThanOrEqualTo(0);
        span.End.ShouldBeLessThanOrEqualTo(text.Length);
        text[span.Start..span.End].ShouldBe(span.Quote);
    }

    [Fact]
    public void The_two_meeting_records_are_carried_unchanged()
    {
        // SHA-256 of the published records as received (see seeds/README.md).
        var readme = File.ReadAllText(Path.Combine(Repository.Seeds, "README.md"));
        foreach (var file in new[] { "2023-10-10-novosibirsk-oblast.txt", "2023-09-19-krasnodar-territory.txt" })
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Repository.Seeds, file))));
            readme.ShouldContain(hash, customMessage: $"{file} changed or its hash in seeds/README.md is stale");
        }
    }

    [Fact]
    public void Meetings_have_the_dates_and_sources_of_the_records()
    {
        var byCode = Meetings.ToDictionary(m => m.Code);

        byCode["NSK-2023"].Date.ShouldBe(new DateOnly(2023, 10, 10));
        byCode["KRD-2023"].Date.ShouldBe(new DateOnly(2023, 9, 19));
        byCode.Values.ShouldAllBe(m => m.Document.Url != null && m.Document.Url.Host == "president.gov.by");
        byCode.Values.ShouldAllBe(m => m.Place == "Minsk");
    }

    [Fact]
    public void Commitment_codes_are_unique_and_belong_to_their_meeting()
    {
        var codes = Meetings.SelectMany(m => m.Commitments.Select(c => (Meeting: m.Code, c.Code))).ToList();

        codes.Select(c => c.Code).Distinct().Count().ShouldBe(codes.Count);
        codes.ShouldAllBe(c => CodePattern().IsMatch(c.Code) && c.Code.StartsWith(c.Meeting + "-", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_due_phrase_is_in_its_quote_and_resolves_against_the_meeting_date()
    {
        foreach (var meeting in Meetings)
        {
            foreach (var c in meeting.Commitments.Where(c => c.Due is not null))
            {
                c.Spans.ShouldContain(s => s.Quote.Contains(c.Due!, StringComparison.OrdinalIgnoreCase), $"{c.Code}: due phrase '{c.Due}' is not in its quote");
                DueWindowParser.TryParse(c.Due, meeting.Date, out _, out var error).ShouldBeTrue($"{c.Code}: {error}");
            }
        }
    }

    [Fact]
    public void The_seeds_hold_the_commitments_an_analyst_expects()
    {
        var all = Meetings.SelectMany(m => m.Commitments).ToDictionary(c => c.Code);

        all["NSK-2023-009"].Due.ShouldBe("autumn 2024");
        all["NSK-2023-009"].Kind.ShouldBe(CommitmentKind.CulturalEvent);
        all["NSK-2023-010"].Due.ShouldBe("spring 2024");
        all["NSK-2023-005"].Kind.ShouldBe(CommitmentKind.Hub);
        all["NSK-2023-005"].Due.ShouldBe("in the near future");
        all["NSK-2023-004"].Kind.ShouldBe(CommitmentKind.Instruction);
        all["NSK-2023-001"].Target!.BaselineValue.ShouldBe(500_000_000m);
        all.Values.Count(c => c.Kind == CommitmentKind.Pledge).ShouldBeGreaterThanOrEqualTo(3);
        all.Values.ShouldAllBe(c => c.Spans.Count > 0 && c.Responsibilities.Count > 0);
    }

    private static (MeetingSeed Meeting, CommitmentSeed Commitment, int Index) Find(string key)
    {
        var parts = key.Split('#');
        var meeting = Meetings.Single(m => m.Commitments.Any(c => c.Code == parts[0]));
        return (meeting, meeting.Commitments.Single(c => c.Code == parts[0]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("^[A-Z]{3}-2023-\\d{3}$")]
    private static partial Regex CodePattern();
}
