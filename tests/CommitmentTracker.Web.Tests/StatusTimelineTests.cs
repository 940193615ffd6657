using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Web.Components.Shared;
using MudBlazor;

namespace CommitmentTracker.Web.Tests;

public class StatusTimelineTests : MudTestContext
{
    private static readonly StatusEntryDto Captured = new()
    {
        Sequence = 1,
        At = new DateTimeOffset(2023, 9, 1, 9, 5, 0, TimeSpan.Zero),
        Author = "ana.analyst",
        Status = LifecycleStatus.Captured,
    };

    private static readonly StatusEntryDto InProgress = new()
    {
        Sequence = 2,
        At = new DateTimeOffset(2023, 10, 10, 18, 0, 0, TimeSpan.Zero),
        Author = "bo.reviewer",
        Status = LifecycleStatus.InProgress,
        ComplianceScore = 1,
        Confidence = Confidence.Amber,
        Rationale = "Funding line approved in the “2024 budget”.",
        EvidenceLinks = ["https://example.org/budget-2024", "https://example.org/press/42"],
    };

    private static readonly StatusEntryDto Stalled = new()
    {
        Sequence = 3,
        At = new DateTimeOffset(2024, 2, 29, 7, 30, 0, TimeSpan.Zero),
        Author = "cy.monitor",
        Status = LifecycleStatus.Stalled,
        ComplianceScore = -1,
        Rationale = "Tender cancelled.",
    };

    [Fact]
    public void An_empty_log_says_so()
    {
        var cut = Render<StatusTimeline>(p => p.Add(c => c.Entries, []));

        cut.Markup.ShouldContain("No status has been recorded.");
        cut.FindAll("[data-entry]").ShouldBeEmpty();
        cut.HasComponent<MudTimeline>().ShouldBeFalse();
    }

    [Fact]
    public void Shows_the_newest_entry_first_whatever_the_order_given()
    {
        var cut = Render<StatusTimeline>(p => p.Add(c => c.Entries, [InProgress, Stalled, Captured]));

        cut.FindAll("[data-entry]").Select(e => e.GetAttribute("data-entry")).ShouldBe(["3", "2", "1"]);
        cut.FindComponents<StatusChip>().Select(c => c.Instance.Status)
            .ShouldBe([LifecycleStatus.Stalled, LifecycleStatus.InProgress, LifecycleStatus.Captured]);
        cut.Markup.ShouldNotContain("No status has been recorded.");
    }

    [Fact]
    public void Shows_status_author_time_score_confidence_rationale_and_evidence_of_an_entry()
    {
        var cut = Render<StatusTimeline>(p => p.Add(c => c.Entries, [Captured, InProgress]));

        var entry = cut.Find("[data-entry='2']");
        var text = Normalise(entry.TextContent);
        text.ShouldContain("In progress");
        text.ShouldNotContain("InProgress");
        text.ShouldContain("Compliance +1");
        text.ShouldContain("Confidence: Amber");
        text.ShouldContain("10 Oct 2023, 18:00 UTC · bo.reviewer");
        text.ShouldContain("Funding line approved in the “2024 budget”.");

        var links = entry.QuerySelectorAll("a");
        links.Select(a => a.GetAttribute("href")).ShouldBe(["https://example.org/budget-2024", "https://example.org/press/42"]);
        links.Select(a => a.TextContent).ShouldBe(["https://example.org/budget-2024", "https://example.org/press/42"]);
        links.ShouldAllBe(a => a.GetAttribute("target") == "_blank");
    }

    [Fact]
    public void Leaves_out_what_an_entry_does_not_have()
    {
        var cut = Render<StatusTimeline>(p => p.Add(c => c.Entries, [Captured]));

        var text = Normalise(cut.Find("[data-entry='1']").TextContent);
        text.ShouldContain("Captured");
        text.ShouldContain("1 Sep 2023, 09:05 UTC · ana.analyst");
        text.ShouldNotContain("Compliance");
        text.ShouldNotContain("Confidence");
        cut.FindAll("a").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, "Compliance +1")]
    [InlineData(0, "Compliance 0")]
    [InlineData(-1, "Compliance −1")]
    public void Shows_the_compliance_score_with_its_sign(int score, string expected)
    {
        var entry = new StatusEntryDto { Sequence = 1, At = InProgress.At, Author = "x", Status = LifecycleStatus.InProgress, ComplianceScore = score };

        var cut = Render<StatusTimeline>(p => p.Add(c => c.Entries, [entry]));

        Normalise(cut.Find("[data-entry='1']").TextContent).ShouldContain(expected);
    }

    [Fact]
    public void Does_not_need_a_popover_provider()
    {
        var cut = Render<StatusTimeline>(p => p.Add(c => c.Entries, [Stalled]));

        cut.HasComponent<MudPopover>().ShouldBeFalse();
        Normalise(cut.Markup).ShouldContain("29 Feb 2024, 07:30 UTC · cy.monitor");
    }

    [Fact]
    public void Shows_a_time_with_another_offset_in_utc()
    {
        var entry = new StatusEntryDto
        {
            Sequence = 1,
            At = new DateTimeOffset(2023, 10, 10, 20, 0, 0, TimeSpan.FromHours(2)),
            Author = "x",
            Status = LifecycleStatus.Confirmed,
        };

        var cut = Render<StatusTimeline>(p => p.Add(c => c.Entries, [entry]));

        Normalise(cut.Markup).ShouldContain("10 Oct 2023, 18:00 UTC");
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Evidence_files_are_download_links_through_the_commitment_with_their_size()
    {
        var id = Guid.Parse("0192f0c4-7a00-7000-8000-000000000001");
        var withFile = new StatusEntryDto
        {
            Sequence = 2,
            At = new DateTimeOffset(2024, 11, 28, 9, 0, 0, TimeSpan.Zero),
            Author = "ana.analyst",
            Status = LifecycleStatus.InProgress,
            EvidenceFiles = [new EvidenceFileDto { Id = id, FileName = "minutes 28 Nov.pdf", ContentType = "application/pdf", SizeBytes = 1_572_864, Sha256 = new string('a', 64) }],
        };

        var cut = Render<StatusTimeline>(p => p.Add(c => c.Entries, [Captured, withFile]).Add(c => c.Code, "NSK-2023-009"));

        var link = cut.Find($"[data-evidence=\"{id}\"] a");
        link.GetAttribute("href").ShouldBe($"/api/v1/commitments/NSK-2023-009/evidence/{id}");
        link.GetAttribute("download").ShouldBe("minutes 28 Nov.pdf");
        link.TextContent.ShouldBe("minutes 28 Nov.pdf");
        // As it reads on screen: the markup's line breaks between the parts collapse to single spaces.
        string.Join(' ', cut.Find($"[data-evidence=\"{id}\"]").TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ShouldBe("minutes 28 Nov.pdf · 1.5 MB");
    }
}
