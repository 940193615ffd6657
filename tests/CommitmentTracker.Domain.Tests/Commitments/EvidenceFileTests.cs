using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Domain.Tests.Commitments;

/// <summary>The facts an evidence file keeps, whichever door it came through (decision 0039).</summary>
public class EvidenceFileTests
{
    private static readonly string Hash = new('0', 64);

    [Theory]
    [InlineData(@"C:\fakepath\minutes.pdf", "minutes.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("протокол\u0007 заседания.docx", "протокол заседания.docx")]
    [InlineData(" . ", "evidence")]
    [InlineData(null, "evidence")]
    public void A_file_name_keeps_no_folder_and_no_control_characters(string? uploaded, string kept) =>
        EvidenceFacts.CleanFileName(uploaded).ShouldBe(kept);

    [Fact]
    public void A_long_name_is_shortened_keeping_its_extension()
    {
        var name = EvidenceFacts.CleanFileName(new string('a', 300) + ".xlsx");

        name.Length.ShouldBe(EvidenceFile.MaxFileNameLength);
        name.ShouldEndWith("a.xlsx");
    }

    [Theory]
    [InlineData(0, "0000000000000000000000000000000000000000000000000000000000000000", "EvidenceFiles")]
    [InlineData(10, "ABCDEF0000000000000000000000000000000000000000000000000000000000", "EvidenceFiles")]
    [InlineData(10, "abc", "EvidenceFiles")]
    public void An_empty_or_unhashed_file_is_refused(long size, string sha256, string field) =>
        Should.Throw<DomainRuleException>(() => new EvidenceFacts("minutes.pdf", "application/pdf", size, sha256)).Field.ShouldBe(field);

    [Fact]
    public void A_name_of_exactly_the_longest_length_is_kept_whole() =>
        EvidenceFacts.CleanFileName(new string('a', EvidenceFile.MaxFileNameLength - 4) + ".pdf").ShouldBe(new string('a', EvidenceFile.MaxFileNameLength - 4) + ".pdf");

    [Theory]
    [InlineData(".abcdefghijklmno", true)] // 16 characters with the dot: still an extension
    [InlineData(".abcdefghijklmnop", false)] // 17: a dot inside a long name, not an extension
    public void A_long_name_keeps_an_extension_of_at_most_sixteen_characters(string ending, bool kept)
    {
        var name = EvidenceFacts.CleanFileName(new string('a', 300) + ending);

        name.Length.ShouldBe(EvidenceFile.MaxFileNameLength);
        name.EndsWith(ending, StringComparison.Ordinal).ShouldBe(kept);
        if (!kept)
        {
            name.ShouldBe(new string('a', EvidenceFile.MaxFileNameLength));
        }
    }

    [Fact]
    public void A_long_name_without_a_dot_is_cut_to_the_longest_length() =>
        EvidenceFacts.CleanFileName(new string('a', 300)).ShouldBe(new string('a', EvidenceFile.MaxFileNameLength));

    [Fact]
    public void A_long_name_whose_only_dot_ends_a_long_tail_keeps_no_extension() =>
        EvidenceFacts.CleanFileName("a." + new string('b', 300)).ShouldBe("a." + new string('b', EvidenceFile.MaxFileNameLength - 2));

    [Fact]
    public void The_refusals_say_which_file_and_what_is_wrong()
    {
        Should.Throw<DomainRuleException>(() => new EvidenceFacts("minutes.pdf", "application/pdf", 0, Hash)).Message
            .ShouldBe("The file 'minutes.pdf' is empty.");
        Should.Throw<DomainRuleException>(() => new EvidenceFacts("minutes.pdf", "application/pdf", 10, "abc")).Message
            .ShouldBe("An evidence file's SHA-256 must be 64 lower-case hexadecimal digits.");
        var blankType = Should.Throw<DomainRuleException>(() => new EvidenceFacts("minutes.pdf", " ", 10, Hash));
        blankType.Field.ShouldBe("EvidenceFiles");
        blankType.Message.ShouldBe("EvidenceFiles is required.");
        var files = Enumerable.Range(1, EvidenceFile.MaxPerEntry + 1).Select(i => new EvidenceFacts($"annex-{i}.pdf", "application/pdf", i, Hash));
        Should.Throw<DomainRuleException>(() => new StatusAssessment(LifecycleStatus.InProgress, evidenceFiles: files)).Message
            .ShouldBe("At most 5 evidence files can be attached to one entry.");
    }

    [Fact]
    public void An_entry_carries_at_most_five_files_in_the_order_they_were_attached()
    {
        var files = Enumerable.Range(1, EvidenceFile.MaxPerEntry + 1).Select(i => new EvidenceFacts($"annex-{i}.pdf", "application/pdf", i, Hash)).ToList();

        Should.Throw<DomainRuleException>(() => new StatusAssessment(LifecycleStatus.InProgress, evidenceFiles: files)).Field.ShouldBe("EvidenceFiles");
        new StatusAssessment(LifecycleStatus.InProgress, evidenceFiles: files.Take(EvidenceFile.MaxPerEntry)).EvidenceFiles.Select(f => f.FileName)
            .ShouldBe(["annex-1.pdf", "annex-2.pdf", "annex-3.pdf", "annex-4.pdf", "annex-5.pdf"]);
    }
}
