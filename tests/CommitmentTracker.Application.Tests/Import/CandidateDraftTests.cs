using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.DecideCandidate;

namespace CommitmentTracker.Application.Tests.Import;

/// <summary>Issue 13, item 5: a proposal is accepted as it stands only when nothing the analyst must decide is missing.</summary>
public sealed class CandidateDraftTests
{
    [Fact]
    public void A_complete_proposal_lacks_nothing()
    {
        CandidateDraft.Missing(new CandidateDto { SuggestedTitle = "Open a trade house", Issuer = "BY" }).ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_speaker_and_a_cut_title_are_asked_for_in_plain_words_by_field()
    {
        var missing = CandidateDraft.Missing(new CandidateDto { SuggestedTitle = "Prepare a programme covering buses tractors…", Issuer = null });

        missing.Keys.ShouldBe([nameof(CommitmentDraft.Issuer), nameof(CommitmentDraft.Title)], ignoreOrder: true);
        missing[nameof(CommitmentDraft.Issuer)].ShouldBe(CandidateDraft.IssuerPrompt);
        missing[nameof(CommitmentDraft.Title)].ShouldContain("cut short");
        missing.Values.ShouldAllBe(m => !m.Contains('\'') && !m.Contains("must name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Open a trade house…", true)]
    [InlineData("Open a trade house… ", true)]
    [InlineData("Open a trade house", false)]
    [InlineData("Open… a trade house", false)]
    [InlineData(null, false)]
    public void Only_a_title_ending_with_an_ellipsis_counts_as_cut(string? title, bool cut) => CandidateDraft.IsCut(title).ShouldBe(cut);
}
