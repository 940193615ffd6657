using CommitmentTracker.Extraction.Rules;
using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction.Tests;

public class SentenceSegmenterTests
{
    [Fact]
    public void Line_per_paragraph_layout_keeps_offsets_and_drops_quote_marks()
    {
        const string text = "Meeting with the Governor\n- 3\n- 10:05\n“We will build it. Mr. Ivanov agrees,” the President said. He visited St. Petersburg in May.\nTrade grew – a lot.";

        var sentences = SentenceSegmenter.Split(text, EnglishRules.Instance);

        sentences.Select(s => s.Text).ShouldBe(
        [
            "Meeting with the Governor",
            "We will build it.",
            "Mr. Ivanov agrees,” the President said.",
            "He visited St. Petersburg in May.",
            "Trade grew – a lot.",
        ]);
        sentences.ShouldAllBe(s => text.Substring(s.Start, s.End - s.Start) == s.Text);
        sentences[1].Paragraph.ShouldBe(sentences[2].Paragraph);
        sentences[4].Paragraph.ShouldNotBe(sentences[3].Paragraph);
    }

    [Fact]
    public void Blank_line_layout_with_bulleted_header()
    {
        const string text = "Talks with the Mayor\n\n  • 7\n  • 09:30\n\nThe sides met on 3 May.\n\n“It’s a start. We’re ready to help,” he said. ‘Yes.’ Done?\n\nA. B. Smith left.";

        var sentences = SentenceSegmenter.Split(text, EnglishRules.Instance);

        sentences.Select(s => s.Text).ShouldBe(
        [
            "Talks with the Mayor",
            "The sides met on 3 May.",
            "It’s a start.",
            "We’re ready to help,” he said.",
            "Yes.",
            "Done?",
            "A. B. Smith left.",
        ]);
        sentences.ShouldAllBe(s => text.Substring(s.Start, s.End - s.Start) == s.Text);
    }

    [Fact]
    public void Both_seed_records_segment_into_exact_substrings()
    {
        foreach (var file in new[] { "2023-10-10-novosibirsk-oblast.txt", "2023-09-19-krasnodar-territory.txt" })
        {
            var text = SeedFiles.ReadText(file);
            var sentences = SentenceSegmenter.Split(text, EnglishRules.Instance);

            sentences.Count.ShouldBeGreaterThan(50);
            sentences.ShouldAllBe(s => text.Substring(s.Start, s.End - s.Start) == s.Text && s.Text.Length > 0);
            sentences.ShouldNotContain(s => s.Text.Contains('•') || s.Text.StartsWith('“'));
        }
    }

    [Fact]
    public void Text_without_sentence_ends_is_cut_at_clause_breaks_into_pieces_no_longer_than_the_limit()
    {
        var clause = "the sides will supply tractors and buses to the region, ";
        var text = string.Concat(Enumerable.Repeat(clause, 2_000)) + "and build a plant";

        var sentences = SentenceSegmenter.Split(text, EnglishRules.Instance);

        sentences.Count.ShouldBeGreaterThan(text.Length / SentenceSegmenter.MaxLength);
        sentences.ShouldAllBe(s => s.Text.Length <= SentenceSegmenter.MaxLength && text.Substring(s.Start, s.End - s.Start) == s.Text);
        sentences.Take(sentences.Count - 1).ShouldAllBe(s => s.Text.EndsWith(','));
        sentences.Zip(sentences.Skip(1)).ShouldAllBe(p => p.First.End < p.Second.Start && text.Substring(p.First.End, p.Second.Start - p.First.End).Trim().Length == 0);
        (sentences[0].Start, sentences[^1].End).ShouldBe((0, text.Length));
        sentences.Select(s => s.Paragraph).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public void A_word_longer_than_the_limit_is_cut_by_length_and_never_inside_a_surrogate_pair()
    {
        // Five characters before the pairs: the cut by length would fall between a pair's halves.
        var text = "Flag " + string.Concat(Enumerable.Repeat("🇧🇾", 1_000));

        var sentences = SentenceSegmenter.Split(text, EnglishRules.Instance);

        sentences.ShouldAllBe(s => s.Text.Length <= SentenceSegmenter.MaxLength && !char.IsLowSurrogate(s.Text[0]) && !char.IsHighSurrogate(s.Text[s.Text.Length - 1]));
        sentences.Count.ShouldBe(5);
        string.Concat(sentences.Select(s => s.Text)).ShouldBe(text);
    }
}
