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
    [InlineData("The hearings will take place in early April.", "early April")]
    [InlineData("The delegation will come in mid-May 2025.", "mid-May 2025")]
    public void Finds_the_first_phrase_the_parser_accepts(string sentence, string phrase) =>
        DuePhraseFinder.Find(sentence, Meeting, EnglishRules.Instance).ShouldBe(phrase);

    // Part of a month, a half or season of "the coming" year: the parser reads them, so the finder must offer them.
    [Theory]
    [InlineData("Хочу пригласить вас в Беларусь в первом полугодии будущего года.", "первом полугодии будущего года", 2026, 6, 30)]
    [InlineData("Делегация приедет в начале мая.", "начале мая", 2025, 5, 10)]
    [InlineData("Документы подпишем в конце июня.", "в конце июня", 2025, 6, 30)]
    [InlineData("Дни культуры пройдут осенью наступающего года.", "осенью наступающего года", 2026, 11, 30)]
    public void Finds_russian_parts_of_months_and_of_the_coming_year(string sentence, string phrase, int year, int month, int day)
    {
        var found = DuePhraseFinder.Find(sentence, Meeting, RussianRules.Instance);

        found.ShouldBe(phrase);
        CommitmentTracker.Domain.Commitments.DueWindowParser.TryParse(found, Meeting, out var window, out _).ShouldBeTrue();
        window.Latest.ShouldBe(new DateOnly(year, month, day));
    }

    // A range of years keeps both ends, said in words too: from the meeting to the end of the next year (ADR 0033).
    [Theory]
    [InlineData("I think during this year and the next one we will reach that level.", "en", "this year and the next one")]
    [InlineData("We will finish the plant this and next year.", "en", "this and next year")]
    [InlineData("Мы выйдем на этот уровень в этом и следующем году.", "ru", "этом и следующем году")]
    public void A_year_and_the_next_keep_both_ends(string sentence, string language, string phrase)
    {
        var found = DuePhraseFinder.Find(sentence, Meeting, LanguageRules.For(language));

        found.ShouldBe(phrase);
        CommitmentTracker.Domain.Commitments.DueWindowParser.TryParse(found, Meeting, out var window, out _).ShouldBeTrue();
        (window.Earliest, window.Latest).ShouldBe((Meeting, new DateOnly(2026, 12, 31)));
    }

    [Theory]
    [InlineData("Last year trade fell and in 2020 it grew.")]
    [InlineData("We may see progress after 1.5-2 years of work.")]
    [InlineData("Everything will be done in time and in full.")]
    public void Past_or_vague_time_words_give_no_phrase(string sentence) =>
        DuePhraseFinder.Find(sentence, Meeting, EnglishRules.Instance).ShouldBeNull();
}
