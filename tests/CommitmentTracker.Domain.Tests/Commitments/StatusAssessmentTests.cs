using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Domain.Tests.Commitments;

public class StatusAssessmentTests
{
    [Theory]
    [InlineData(-2)]
    [InlineData(2)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void A_compliance_score_outside_minus_one_to_one_is_refused(int score)
    {
        var ex = Should.Throw<DomainRuleException>(() => new StatusAssessment(LifecycleStatus.InProgress, score));

        ex.Field.ShouldBe("ComplianceScore");
        ex.Message.ShouldContain("compliance score");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(null)]
    public void A_compliance_score_of_minus_one_zero_one_or_none_is_accepted(int? score)
    {
        new StatusAssessment(LifecycleStatus.InProgress, score).ComplianceScore.ShouldBe(score);
    }

    [Theory]
    [InlineData("https://example.org/news/1")]
    [InlineData("http://kremlin.ru/events/president/news/72483")]
    [InlineData("HTTPS://EXAMPLE.ORG/A")]
    public void Absolute_http_and_https_links_are_accepted(string link)
    {
        new StatusAssessment(LifecycleStatus.InProgress, evidenceLinks: [link]).EvidenceLinks.ShouldBe([link]);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.org/report.pdf")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/path")]
    [InlineData("example.org/news")]
    public void Links_that_are_not_absolute_http_urls_are_refused(string link)
    {
        var ex = Should.Throw<DomainRuleException>(() => new StatusAssessment(LifecycleStatus.InProgress, evidenceLinks: ["https://example.org/ok", link]));

        ex.Field.ShouldBe("EvidenceLinks");
        ex.Message.ShouldContain($"'{link}'");
        ex.Message.ShouldContain("absolute http(s) URL");
    }

    [Fact]
    public void A_link_longer_than_1000_characters_is_refused()
    {
        var link = "https://example.org/" + new string('a', 981);

        var ex = Should.Throw<DomainRuleException>(() => new StatusAssessment(LifecycleStatus.InProgress, evidenceLinks: [link]));

        ex.Field.ShouldBe("EvidenceLinks");
    }

    [Fact]
    public void Twenty_links_are_accepted()
    {
        var links = Enumerable.Range(1, 20).Select(i => $"https://example.org/{i}").ToList();

        new StatusAssessment(LifecycleStatus.InProgress, evidenceLinks: links).EvidenceLinks.Count.ShouldBe(20);
    }

    [Fact]
    public void More_than_twenty_links_are_refused()
    {
        var links = Enumerable.Range(1, 21).Select(i => $"https://example.org/{i}").ToList();

        var ex = Should.Throw<DomainRuleException>(() => new StatusAssessment(LifecycleStatus.InProgress, evidenceLinks: links));

        ex.Field.ShouldBe("EvidenceLinks");
        ex.Message.ShouldContain("At most 20 evidence links");
    }

    [Fact]
    public void The_twenty_link_limit_counts_links_after_blanks_and_duplicates_are_removed()
    {
        var links = Enumerable.Range(1, 20).Select(i => $"https://example.org/{i}").Concat(["https://example.org/1", "", "  "]).ToList();

        new StatusAssessment(LifecycleStatus.InProgress, evidenceLinks: links).EvidenceLinks.Count.ShouldBe(20);
    }

    [Fact]
    public void Blank_links_are_dropped_and_the_rest_trimmed()
    {
        var assessment = new StatusAssessment(LifecycleStatus.InProgress, evidenceLinks: ["", "   ", "  https://example.org/a  "]);

        assessment.EvidenceLinks.ShouldBe(["https://example.org/a"]);
    }

    [Fact]
    public void Duplicate_links_are_removed_keeping_the_first_order()
    {
        var assessment = new StatusAssessment(
            LifecycleStatus.InProgress,
            evidenceLinks: ["https://example.org/b", "https://example.org/a", " https://example.org/b", "https://example.org/a"]);

        assessment.EvidenceLinks.ShouldBe(["https://example.org/b", "https://example.org/a"]);
    }

    [Fact]
    public void No_links_means_an_empty_list()
    {
        new StatusAssessment(LifecycleStatus.Confirmed).EvidenceLinks.ShouldBeEmpty();
    }

    [Fact]
    public void The_rationale_is_trimmed_and_a_blank_one_dropped()
    {
        new StatusAssessment(LifecycleStatus.Stalled, rationale: "  Waiting for funds. ").Rationale.ShouldBe("Waiting for funds.");
        new StatusAssessment(LifecycleStatus.Stalled, rationale: "   ").Rationale.ShouldBeNull();
    }

    [Fact]
    public void A_rationale_longer_than_4000_characters_is_refused()
    {
        var ex = Should.Throw<DomainRuleException>(() => new StatusAssessment(LifecycleStatus.Stalled, rationale: new string('r', 4001)));

        ex.Field.ShouldBe("Rationale");
        ex.Message.ShouldContain("4000");
    }

    [Fact]
    public void The_assessment_keeps_status_score_and_confidence()
    {
        var assessment = new StatusAssessment(LifecycleStatus.PartiallyFulfilled, 0, Confidence.Red, "Half of the volume.");

        assessment.Status.ShouldBe(LifecycleStatus.PartiallyFulfilled);
        assessment.ComplianceScore.ShouldBe(0);
        assessment.Confidence.ShouldBe(Confidence.Red);
        assessment.Rationale.ShouldBe("Half of the volume.");
    }
}
