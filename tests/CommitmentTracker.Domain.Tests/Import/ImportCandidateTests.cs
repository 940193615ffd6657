using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Import;

namespace CommitmentTracker.Domain.Tests.Import;

/// <summary>A proposal from the extractor: its passages in text order, its clamped confidence, and a single decision.</summary>
public class ImportCandidateTests
{
    private static readonly Guid Meeting = Guid.NewGuid();
    private static readonly Guid Document = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_proposal_keeps_what_the_extractor_found_with_its_first_passage_in_text_order()
    {
        var candidate = New(
            passages: [new CandidatePassage(50, 70, "the later restatement"), new CandidatePassage(10, 30, "the first statement")],
            title: "Open a trade house",
            newParty: "  Minsk Tractor Works ");

        candidate.MeetingId.ShouldBe(Meeting);
        candidate.DocumentId.ShouldBe(Document);
        candidate.Passages.Select(p => p.Start).ShouldBe([10, 50]);
        (candidate.Start, candidate.End, candidate.Quote).ShouldBe((10, 30, "the first statement"));
        candidate.Language.ShouldBe("en");
        candidate.Kind.ShouldBe(CommitmentKind.Hub);
        candidate.Modality.ShouldBe(Modality.Firm);
        candidate.SuggestedTitle.ShouldBe("Open a trade house");
        candidate.Issuer.ShouldBe("BY");
        candidate.Lead.ShouldBe(["BY-GOV"]);
        candidate.Counterparts.ShouldBe(["RU"]);
        candidate.PartyKeys.ShouldBe(["BY", "RU"]);
        candidate.DuePhrase.ShouldBe("by autumn 2024");
        candidate.Amounts.ShouldBe(["1000000000 USD"]);
        candidate.Cue.ShouldBe("decision.agreed");
        candidate.Confidence.ShouldBe(0.75);
        candidate.NewParty.ShouldBe("Minsk Tractor Works");
        candidate.Decision.ShouldBe(CandidateDecision.Proposed);
        candidate.CommitmentId.ShouldBeNull();
        candidate.DecidedBy.ShouldBeNull();
        candidate.DecidedAt.ShouldBeNull();
    }

    [Fact]
    public void A_proposal_without_a_passage_is_refused()
    {
        var ex = Should.Throw<DomainRuleException>(() => New(passages: []));

        ex.Field.ShouldBe("Passages");
        ex.Message.ShouldBe("A proposal cites at least one passage.");
    }

    [Fact]
    public void A_title_longer_than_a_commitment_title_may_be_is_shortened_with_an_ellipsis()
    {
        var exact = new string('t', ImportCandidate.MaxTitleLength);

        New(title: exact).SuggestedTitle.ShouldBe(exact);
        var shortened = New(title: exact + "x").SuggestedTitle;
        shortened.Length.ShouldBe(ImportCandidate.MaxTitleLength);
        shortened.ShouldBe(new string('t', ImportCandidate.MaxTitleLength - 1) + "…");
    }

    [Theory]
    [InlineData(-0.5, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(1.5, 1)]
    public void Confidence_is_kept_between_zero_and_one(double given, double kept)
    {
        New(confidence: given).Confidence.ShouldBe(kept);
    }

    [Fact]
    public void A_language_is_required_and_a_blank_new_party_is_none()
    {
        Should.Throw<DomainRuleException>(() => New(language: " ")).Field.ShouldBe("Language");
        Should.Throw<DomainRuleException>(() => New(language: new string('l', ImportCandidate.MaxLanguageLength + 1))).Field.ShouldBe("Language");
        New(newParty: "   ").NewParty.ShouldBeNull();
        Should.Throw<DomainRuleException>(() => New(newParty: new string('p', ImportCandidate.MaxNewPartyLength + 1))).Field.ShouldBe("NewParty");
    }

    [Fact]
    public void Accepting_records_the_commitment_who_and_when_and_closes_the_proposal()
    {
        var candidate = New();
        var commitment = Guid.NewGuid();

        candidate.Accept(commitment, "analyst", At);

        candidate.Decision.ShouldBe(CandidateDecision.Accepted);
        candidate.CommitmentId.ShouldBe(commitment);
        candidate.DecidedBy.ShouldBe("analyst");
        candidate.DecidedAt.ShouldBe(At);
        Should.Throw<DomainRuleException>(() => candidate.Reject("someone", At.AddHours(1))).Message.ShouldBe("This candidate was already accepted.");
        Should.Throw<DomainRuleException>(() => candidate.Accept(Guid.NewGuid(), "someone", At.AddHours(1))).Field.ShouldBe("Decision");
        candidate.CommitmentId.ShouldBe(commitment);
        candidate.DecidedBy.ShouldBe("analyst");
    }

    [Fact]
    public void Rejecting_records_who_and_when_and_closes_the_proposal()
    {
        var candidate = New();

        candidate.Reject("analyst", At);

        candidate.Decision.ShouldBe(CandidateDecision.Rejected);
        candidate.CommitmentId.ShouldBeNull();
        candidate.DecidedBy.ShouldBe("analyst");
        candidate.DecidedAt.ShouldBe(At);
        var ex = Should.Throw<DomainRuleException>(() => candidate.Accept(Guid.NewGuid(), "someone", At.AddHours(1)));
        ex.Message.ShouldBe("This candidate was already rejected.");
        candidate.Decision.ShouldBe(CandidateDecision.Rejected);
        candidate.DecidedAt.ShouldBe(At);
    }

    [Fact]
    public void Merging_a_restatement_cites_its_passages_after_the_proposals_own_and_closes_it()
    {
        var quote = New(passages: [new CandidatePassage(200, 260, "the direct quote")], due: null, amounts: ["1000000000 USD"]);
        var lead = New(passages: [new CandidatePassage(10, 60, "the news lead's paraphrase")], due: "next year", amounts: ["1000000000 USD", "500000000 RUB"]);

        quote.Absorb(lead, "analyst", At);

        quote.DuePhrase.ShouldBe("next year", "the time said only in the restatement is kept");
        quote.Amounts.ShouldBe(["1000000000 USD", "500000000 RUB"]);

        quote.Passages.Select(p => (p.Start, p.Quote)).ShouldBe([(200, "the direct quote"), (10, "the news lead's paraphrase")]);
        (quote.Start, quote.End, quote.Decision).ShouldBe((200, 260, CandidateDecision.Proposed));
        (lead.Decision, lead.DecidedBy, lead.DecidedAt).ShouldBe((CandidateDecision.Rejected, "analyst", At));
        lead.Passages.ShouldHaveSingleItem().Start.ShouldBe(10);
    }

    [Fact]
    public void Only_two_open_proposals_of_one_record_merge_and_a_refused_merge_changes_neither()
    {
        var proposal = New();
        var other = New(passages: [new CandidatePassage(40, 60, "said again")]);

        Should.Throw<DomainRuleException>(() => proposal.Absorb(proposal, "analyst", At)).Message.ShouldBe("A proposal cannot be merged into itself.");
        var elsewhere = New(passages: [new CandidatePassage(40, 60, "said again")], document: Guid.NewGuid());
        var ex = Should.Throw<DomainRuleException>(() => proposal.Absorb(elsewhere, "analyst", At));
        (ex.Field, ex.Message).ShouldBe(("Into", "Only proposals of the same record can be merged."));

        other.Reject("analyst", At);
        Should.Throw<DomainRuleException>(() => proposal.Absorb(other, "analyst", At)).Message.ShouldBe("This candidate was already rejected.");
        var decided = New(passages: [new CandidatePassage(80, 90, "decided")]);
        decided.Accept(Guid.NewGuid(), "analyst", At);
        Should.Throw<DomainRuleException>(() => decided.Absorb(New(passages: [new CandidatePassage(95, 99, "open")]), "analyst", At)).Message.ShouldBe("This candidate was already accepted.");

        proposal.Passages.ShouldHaveSingleItem();
        (proposal.Decision, elsewhere.Decision).ShouldBe((CandidateDecision.Proposed, CandidateDecision.Proposed));
    }

    private static ImportCandidate New(
        IReadOnlyList<CandidatePassage>? passages = null, string title = "Open a trade house", string language = "en", double confidence = 0.75, string? newParty = null, Guid? document = null,
        string? due = "by autumn 2024", IReadOnlyList<string>? amounts = null) =>
        new(Meeting, document ?? Document, passages ?? [new CandidatePassage(10, 30, "the first statement")], language, CommitmentKind.Hub, Modality.Firm,
            title, "BY", ["BY-GOV"], ["RU"], ["BY", "RU"], due, amounts ?? ["1000000000 USD"], "decision.agreed", confidence, newParty);
}
