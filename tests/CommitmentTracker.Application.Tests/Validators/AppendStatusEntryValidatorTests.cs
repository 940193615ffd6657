using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Validators;

public class AppendStatusEntryValidatorTests
{
    private readonly AppendStatusEntryValidator _validator = new();
    private readonly StatusEntryDraftValidator _draftValidator = new();

    private static readonly StatusEntryDraft ValidEntry = new()
    {
        Status = LifecycleStatus.InProgress,
        ComplianceScore = 0,
        Confidence = Confidence.Amber,
        Rationale = "Premises leased; opening planned for spring.",
        EvidenceLinks = ["https://example.org/news/1", "http://kremlin.ru/events/president/news/72483"],
    };

    [Fact]
    public void A_complete_entry_is_valid() => Validate(ValidEntry).ShouldBeValid();

    [Fact]
    public void A_bare_status_change_is_valid() => Validate(new StatusEntryDraft { Status = LifecycleStatus.Confirmed }).ShouldBeValid();

    [Fact]
    public void An_entry_takes_up_to_five_files_none_of_them_announced_empty()
    {
        static EvidenceUpload File(string name, long length) => new(name, length, _ => Task.FromResult<Stream>(new MemoryStream()));
        var command = new AppendStatusEntryCommand("NSK-2023-004", 4, ValidEntry);

        _validator.Validate(command with { EvidenceFiles = [.. Enumerable.Range(1, 5).Select(i => File($"page{i}.pdf", 1))] }).ShouldBeValid();
        _validator.Validate(command with { EvidenceFiles = [.. Enumerable.Range(1, 6).Select(i => File($"page{i}.pdf", 1))] })
            .ShouldHaveErrorOn("EvidenceFiles", "At most 5 evidence files can be attached to one entry; record another assessment for more.");
        _validator.Validate(command with { EvidenceFiles = [File("minutes.pdf", 1), File("blank.txt", 0)] })
            .ShouldHaveErrorOn("EvidenceFiles[1]", "The file 'blank.txt' is empty.");
        _validator.Validate(command with { EvidenceFiles = [File("minutes.pdf", 1), null!] }).ShouldHaveErrorOn("EvidenceFiles[1]", "'Evidence Files'");
    }

    [Fact]
    public void The_entry_is_required() =>
        _validator.Validate(new AppendStatusEntryCommand("NSK-2023-004", null, null!)).ShouldHaveErrorOn("Entry", "'Entry'");

    [Fact]
    public void An_unknown_status_is_refused() =>
        Validate(ValidEntry with { Status = (LifecycleStatus)99 }).ShouldHaveErrorOn("Entry.Status", "'Status'");

    [Theory]
    [InlineData(2)]
    [InlineData(-2)]
    public void A_compliance_score_outside_minus_one_to_one_is_refused(int score) =>
        Validate(ValidEntry with { ComplianceScore = score }).ShouldHaveErrorOn("Entry.ComplianceScore", "must be -1 (no compliance), 0 (partial) or 1 (full)");

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(null)]
    public void A_compliance_score_of_minus_one_zero_one_or_none_is_valid(int? score) =>
        Validate(ValidEntry with { ComplianceScore = score }).ShouldBeValid();

    [Fact]
    public void An_unknown_confidence_is_refused() =>
        Validate(ValidEntry with { Confidence = (Confidence)9 }).ShouldHaveErrorOn("Entry.Confidence", "'Confidence'");

    [Fact]
    public void A_rationale_longer_than_4000_characters_is_refused() =>
        Validate(ValidEntry with { Rationale = new string('r', 4001) }).ShouldHaveErrorOn("Entry.Rationale", "4000");

    // Explicit per status: the moves a manager must explain later need a rationale.
    [Theory]
    [InlineData(LifecycleStatus.Captured, false)]
    [InlineData(LifecycleStatus.Confirmed, false)]
    [InlineData(LifecycleStatus.InProgress, false)]
    [InlineData(LifecycleStatus.Stalled, true)]
    [InlineData(LifecycleStatus.Fulfilled, false)]
    [InlineData(LifecycleStatus.PartiallyFulfilled, true)]
    [InlineData(LifecycleStatus.NotFulfilled, true)]
    [InlineData(LifecycleStatus.Superseded, true)]
    [InlineData(LifecycleStatus.Withdrawn, true)]
    public void A_rationale_is_required_only_for_moves_that_need_explaining(LifecycleStatus status, bool required)
    {
        var result = Validate(new StatusEntryDraft { Status = status });

        if (required)
        {
            result.ShouldHaveErrorOn("Entry.Rationale", $"A rationale is required when recording {status}.");
        }
        else
        {
            result.ShouldBeValid();
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_rationale_does_not_count_for_Withdrawn(string rationale) =>
        Validate(new StatusEntryDraft { Status = LifecycleStatus.Withdrawn, Rationale = rationale })
            .ShouldHaveErrorOn("Entry.Rationale", "A rationale is required when recording Withdrawn.");

    [Fact]
    public void Withdrawn_with_a_rationale_is_valid() =>
        Validate(new StatusEntryDraft { Status = LifecycleStatus.Withdrawn, Rationale = "Dropped by both sides." }).ShouldBeValid();

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:someone@example.org")]
    [InlineData("example.org/news")]
    public void An_evidence_link_must_be_an_absolute_http_url(string link) =>
        Validate(ValidEntry with { EvidenceLinks = ["https://example.org/ok", link] })
            .ShouldHaveErrorOn("Entry.EvidenceLinks[1]", "Each evidence link must be an absolute http(s) URL.");

    [Fact]
    public void More_than_twenty_evidence_links_are_refused() =>
        Validate(ValidEntry with { EvidenceLinks = [.. Enumerable.Range(1, 21).Select(i => $"https://example.org/{i}")] })
            .ShouldHaveErrorOn("Entry.EvidenceLinks", "At most 20 evidence links.");

    [Fact]
    public void Twenty_evidence_links_are_valid() =>
        Validate(ValidEntry with { EvidenceLinks = [.. Enumerable.Range(1, 20).Select(i => $"https://example.org/{i}")] }).ShouldBeValid();

    [Fact]
    public void The_draft_validator_reports_on_the_draft_itself()
    {
        var result = _draftValidator.Validate(new StatusEntryDraft { Status = LifecycleStatus.Stalled, ComplianceScore = 2, EvidenceLinks = ["not a url"] });

        result.ShouldHaveErrorOn("Rationale", "A rationale is required when recording Stalled.");
        result.ShouldHaveErrorOn("ComplianceScore", "-1 (no compliance)");
        result.ShouldHaveErrorOn("EvidenceLinks[0]", "absolute http(s) URL");
    }

    private FluentValidation.Results.ValidationResult Validate(StatusEntryDraft entry) =>
        _validator.Validate(new AppendStatusEntryCommand("NSK-2023-004", 4, entry));
}
