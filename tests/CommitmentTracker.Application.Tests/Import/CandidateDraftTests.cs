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

    [Fact]
    public void A_proposal_accepted_as_it_stands_is_a_draft_of_its_own_terms_each_party_in_one_role()
    {
        var draft = CandidateDraft.From(new CandidateDto
        {
            SuggestedTitle = "Open a trade house",
            Kind = Domain.Commitments.CommitmentKind.Hub,
            Modality = Domain.Commitments.Modality.Conditional,
            Issuer = "BY",
            DuePhrase = "autumn 2024",
            Lead = ["BY", "BY-GOV", "BY"],
            Counterparts = ["RU-NVS", "BY", "RU-NVS"],
        });

        (draft.Title, draft.Kind, draft.Modality, draft.Issuer, draft.Due)
            .ShouldBe(("Open a trade house", Domain.Commitments.CommitmentKind.Hub, Domain.Commitments.Modality.Conditional, "BY", (string?)"autumn 2024"));
        draft.Responsibilities!.Select(r => (r.Party, r.Role)).ShouldBe([
            ("BY", Domain.Commitments.ResponsibilityRole.Lead),
            ("BY-GOV", Domain.Commitments.ResponsibilityRole.Lead),
            ("RU-NVS", Domain.Commitments.ResponsibilityRole.Counterpart),
        ]);
        (draft.Summary, draft.Tags, draft.Spans, draft.Target).ShouldBe((null, null, null, null));
    }

    [Fact]
    public void A_proposal_without_a_speaker_becomes_a_draft_with_no_issuer_yet()
    {
        var draft = CandidateDraft.From(new CandidateDto { SuggestedTitle = "Open a trade house", Issuer = null });

        draft.Issuer.ShouldBe(string.Empty);
        draft.Responsibilities.ShouldBeEmpty();
        draft.Due.ShouldBeNull();
    }
}
