using CommitmentTracker.Extraction;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Extraction.Tests;

/// <summary>One synthetic sentence per cue family, written for these tests (not taken from the seeds).</summary>
public class CommitmentExtractorTests
{
    private static readonly DateOnly Meeting = new(2025, 3, 12);

    private static readonly KnownParty[] Parties =
    [
        new("BY", ["Republic of Belarus", "Belarus"]),
        new("RU-SVE", ["Sverdlovsk Oblast"]),
        new("MAZ", ["MAZ"]),
        new("BY-GOV", ["Government of Belarus"]),
    ];

    [Theory]
    [InlineData("The President instructed the ministry of industry to prepare a joint programme by the end of the year.", "instruction.instructed", CommitmentKind.Instruction, Modality.Firm)]
    [InlineData("I instruct the government to open a trade mission in Yekaterinburg.", "instruction.i-instruct", CommitmentKind.Instruction, Modality.Firm)]
    [InlineData("I promise you that every contract will be honoured.", "pledge.guarantee", CommitmentKind.Pledge, Modality.Firm)]
    [InlineData("Everything we have signed in the agreements will be fulfilled in full.", "pledge.fulfil-agreements", CommitmentKind.Pledge, Modality.Firm)]
    [InlineData("We agreed to set up a working group on logistics.", "decision.agreed", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("The ministry will take a final decision on the joint venture next month.", "decision.will-decide", CommitmentKind.Cooperation, Modality.Firm)]
    [InlineData("A festival of Belarusian cinema is scheduled to take place in Yekaterinburg in May 2025.", "event.scheduled", CommitmentKind.CulturalEvent, Modality.Firm)]
    [InlineData("A service center for MAZ trucks will be opened in Sverdlovsk Oblast.", "hub.will-be-located", CommitmentKind.Hub, Modality.Firm)]
    [InlineData("We want to build a logistics hub near the border.", "hub.center", CommitmentKind.Hub, Modality.Tentative)]
    [InlineData("We suggest that the regions hold a business forum every year.", "proposal.propose", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("Our task is that we will double our exports to the region within three years.", "target.trade", CommitmentKind.TradeTarget, Modality.Firm)]
    [InlineData("We are ready to supply buses and trolleybuses to your cities.", "proposal.ready", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("We have a real opportunity to launch joint production of elevators.", "proposal.opportunity", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("Belarus could deliver tractors for your farms.", "proposal.can", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("The parties should work together on the new medical projects.", "proposal.should", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("The assembly line can be relocated closer to the customers as a joint project.", "proposal.passive-modal", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("Let us build these houses together.", "proposal.lets", CommitmentKind.Cooperation, Modality.Tentative)]
    [InlineData("We will deliver the first batch of combines to your farmers.", "statement.will", CommitmentKind.Cooperation, Modality.Firm)]
    public void Each_cue_family_fires_with_its_id_kind_and_modality(string sentence, string cue, CommitmentKind kind, Modality modality)
    {
        var candidate = CommitmentExtractor.Extract(sentence, Meeting, Parties).ShouldHaveSingleItem();

        candidate.Cue.ShouldBe(cue);
        candidate.Kind.ShouldBe(kind);
        candidate.Modality.ShouldBe(modality);
        candidate.Quote.ShouldBe(sentence[candidate.Start..candidate.End]);
        candidate.Confidence.ShouldBeInRange(0, 1);
        candidate.SuggestedTitle.Length.ShouldBeInRange(1, 120);
    }

    [Theory]
    [InlineData("Two years ago our exports reached a record level.")]
    [InlineData("The delegation visited the tractor plant and the museum.")]
    [InlineData("We have already supplied two hundred buses to the region.")]
    [InlineData("Small firms can produce spare parts for the big plants.")]
    [InlineData("We will never forget those days.")]
    [InlineData("We agreed how we will respond, but we will not say it in public.")]
    public void Past_facts_predictions_and_third_party_abilities_are_not_candidates(string sentence) =>
        CommitmentExtractor.Extract(sentence, Meeting, Parties).ShouldBeEmpty();

    [Theory]
    [InlineData("If your region needs more machines, we will supply them at once.", Modality.Conditional)]
    [InlineData("If there is no such capacity locally, we are ready to send our engineers.", Modality.Conditional)]
    [InlineData("We are ready to train your mechanics if needed.", Modality.Tentative)]
    [InlineData("If we have signed something, we have to fulfil the agreement.", Modality.Firm)]
    [InlineData("We could help with equipment.", Modality.Tentative)]
    public void Modality_follows_the_binding_words_and_leading_conditions(string sentence, Modality modality) =>
        CommitmentExtractor.Extract(sentence, Meeting, Parties).ShouldHaveSingleItem().Modality.ShouldBe(modality);

    [Fact]
    public void Parties_come_from_known_names_and_the_generic_Belarus()
    {
        var candidate = CommitmentExtractor.Extract("Belarusian companies and Sverdlovsk oblast should build a joint plant for MAZ.", Meeting, Parties).ShouldHaveSingleItem();

        candidate.PartyKeys.ShouldBe(["BY", "RU-SVE", "MAZ"]);
    }

    [Fact]
    public void A_sentence_opening_with_they_takes_its_subject_from_the_sentence_before()
    {
        const string text = "Belarusian road builders want more work in Sverdlovsk Oblast. They can take part in the new motorway projects.";

        var candidate = CommitmentExtractor.Extract(text, Meeting, Parties).ShouldHaveSingleItem();

        candidate.Start.ShouldBe(0);
        candidate.Quote.ShouldBe(text);
        candidate.PartyKeys.ShouldContain("RU-SVE");
    }

    [Fact]
    public void Due_phrase_and_amounts_are_read_from_the_candidate_sentence()
    {
        const string text = "We will increase mutual trade to $1.2 billion by the end of next year.";

        var candidate = CommitmentExtractor.Extract(text, Meeting, Parties).ShouldHaveSingleItem();

        candidate.Kind.ShouldBe(CommitmentKind.TradeTarget);
        candidate.DuePhrase.ShouldBe("by the end of next year");
        var amount = candidate.Amounts.ShouldHaveSingleItem();
        amount.Value.ShouldBe(1_200_000_000m);
        amount.Currency.ShouldBe("USD");
        text[amount.Start..amount.End].ShouldBe(amount.Text);
    }

    [Fact]
    public void Titles_start_with_the_action_and_stay_short()
    {
        var candidate = CommitmentExtractor.Extract("I propose to open a joint trading house in Minsk, as we discussed.", Meeting, Parties).ShouldHaveSingleItem();

        candidate.SuggestedTitle.ShouldBe("Open a joint trading house in Minsk");
    }
}
