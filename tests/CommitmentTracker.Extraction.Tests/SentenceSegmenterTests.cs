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
}
