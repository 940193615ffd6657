using CommitmentTracker.Extraction.Due;
using CommitmentTracker.Extraction.Rules;

namespace CommitmentTracker.Extraction.Tests;

public class DuePhraseFinderTests
{
    private static readonly DateOnly Meeting = new(2025, 3, 12);

    [Theory]
    [InlineData("The forum will be held in autumn 2025 in Grodno.", "autumn 2025")]
    [InlineData("We will sign it in the near future.", "in the near future")]
    [InlineData("The plant will be built by the end of the year.", "by the end of the year")]
    [InlineData("Deliveries will start in October 2025.", "October 2025")]
    [InlineData("We will reach this figure next year.", "next year")]
    [InlineData("The hub will pay off in five years.", "in five years")]
    [InlineData("The line will be launched by 2027.", "by 2027")]
    [InlineData("In 2020 they tried; the new plant opens in spring 2026.", "spring 2026")]
    public void Finds_the_first_phrase_the_parser_accepts(string sentence, string phrase) =>
        DuePhraseFinder.Find(sentence, Meeting, EnglishRules.Instance).ShouldBe(phrase);

    [Theory]
    [InlineData("Last year trade fell and in 2020 it grew.")]
    [InlineData("We may see progress after 1.5-2 years of work.")]
    [InlineData("Everything will be done in time and in full.")]
    public void Past_or_vague_time_words_give_no_phrase(string sentence) =>
        DuePhraseFinder.Find(sentence, Meeting, EnglishRules.Instance).ShouldBeNull();
}
