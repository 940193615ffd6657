using CommitmentTracker.Web.Components.Shared;

namespace CommitmentTracker.Web.Tests;

/// <summary>The sentences the keyboard picker offers (decision 0044): exact offsets, no space around them.</summary>
public sealed class RecordSentencesTests
{
    [Fact]
    public void Sentences_end_at_their_punctuation_or_a_line_break_and_keep_their_exact_offsets()
    {
        const string record = "Talks in Minsk, 10 October 2023.\r\nThe sides agreed: “we will meet again.” Trade is at $1.5 bn now!\r\n\r\nClosing words followed";

        var sentences = RecordSentences.Split(record).Select(s => record[s.Start..s.End]).ToList();

        sentences.ShouldBe(["Talks in Minsk, 10 October 2023.", "The sides agreed: “we will meet again.”", "Trade is at $1.5 bn now!", "Closing words followed"]);
    }

    [Fact]
    public void A_record_of_space_has_no_sentences() => RecordSentences.Split(" \r\n\t ").ShouldBeEmpty();
}
