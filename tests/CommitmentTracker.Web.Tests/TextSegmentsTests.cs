using CommitmentTracker.Web.Components.Shared;

namespace CommitmentTracker.Web.Tests;

public class TextSegmentsTests
{
    [Fact]
    public void Plain_and_highlighted_runs_come_out_in_order()
    {
        const string text = "We will double aid by 2030 and report yearly.";
        var aid = new Highlight(8, 26, "C-1", "/commitments/C-1");
        var report = new Highlight(31, 44, "C-2");

        var segments = TextSegments.Split(text, [report, aid]);

        segments.Select(s => (s.Text, s.Highlight?.Label)).ShouldBe(
        [
            ("We will ", null),
            ("double aid by 2030", "C-1"),
            (" and ", null),
            ("report yearly", "C-2"),
            (".", null),
        ]);
        segments[1].Highlight.ShouldBe(aid);
    }

    [Fact]
    public void Overlapping_highlights_merge_into_the_earlier_one_with_joined_labels()
    {
        const string text = "abcdefghijklmnop";
        var first = new Highlight(2, 8, "C-1", "/c/1");
        var second = new Highlight(5, 12, "C-2", "/c/2", Active: true);

        var segments = TextSegments.Split(text, [second, first]);

        segments.Count.ShouldBe(3);
        segments[0].ShouldBe(new TextSegment("ab", null));
        segments[1].Text.ShouldBe("cdefghijkl");
        segments[1].Highlight.ShouldBe(new Highlight(2, 12, "C-1, C-2", "/c/1", Active: true));
        segments[2].ShouldBe(new TextSegment("mnop", null));
    }

    [Fact]
    public void A_highlight_inside_another_is_absorbed_and_its_label_kept()
    {
        const string text = "0123456789";
        var segments = TextSegments.Split(text, [new Highlight(3, 5, "inner"), new Highlight(1, 8, "outer")]);

        segments.Select(s => s.Text).ShouldBe(["0", "1234567", "89"]);
        segments[1].Highlight!.Label.ShouldBe("outer, inner");
        segments[1].Highlight!.Start.ShouldBe(1);
        segments[1].Highlight!.End.ShouldBe(8);
    }

    [Fact]
    public void A_chain_of_overlaps_becomes_one_highlight()
    {
        var segments = TextSegments.Split("0123456789", [new Highlight(0, 3, "a"), new Highlight(2, 5, "b"), new Highlight(4, 7, "c")]);

        segments.Select(s => s.Text).ShouldBe(["0123456", "789"]);
        segments[0].Highlight!.Label.ShouldBe("a, b, c");
    }

    [Fact]
    public void Touching_highlights_stay_separate()
    {
        var segments = TextSegments.Split("0123456789", [new Highlight(5, 9, "b"), new Highlight(2, 5, "a")]);

        segments.Select(s => (s.Text, s.Highlight?.Label)).ShouldBe([("01", null), ("234", "a"), ("5678", "b"), ("9", null)]);
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(4, 11)]
    [InlineData(-5, 20)]
    [InlineData(4, 4)]
    [InlineData(6, 2)]
    [InlineData(10, 10)]
    public void Out_of_range_or_empty_highlights_are_ignored(int start, int end)
    {
        var segments = TextSegments.Split("0123456789", [new Highlight(start, end, "bad"), new Highlight(1, 2, "good")]);

        segments.Select(s => (s.Text, s.Highlight?.Label)).ShouldBe([("0", null), ("1", "good"), ("23456789", null)]);
    }

    [Fact]
    public void Highlights_at_both_edges_leave_no_empty_plain_runs()
    {
        var segments = TextSegments.Split("0123456789", [new Highlight(0, 2, "a"), new Highlight(8, 10, "b")]);

        segments.Select(s => s.Text).ShouldBe(["01", "234567", "89"]);
    }

    [Fact]
    public void Empty_text_and_no_highlights_give_no_or_one_plain_segment()
    {
        TextSegments.Split(string.Empty, []).ShouldBeEmpty();
        TextSegments.Split(string.Empty, [new Highlight(0, 1, "x")]).ShouldBeEmpty();
        TextSegments.Split("just text", []).ShouldBe([new TextSegment("just text", null)]);
    }

    public static TheoryData<string> Texts =>
    [
        "Plain ASCII: the G7 will mobilise $100bn a year by 2025.",
        "Мы обязуемся сократить выбросы на 55 % к 2030 году — «в полном объёме» и „прозрачно“.",
        "She said: “We’ll deliver ‘by the end of next year’” — and then… nothing.",
        "Mixed: «Совет» agreed “to review” the 2024 plan; ‹ok› ‚fine‘ 🌍 done.",
        "x",
    ];

    /// <summary>
    /// For random highlight sets: concatenating the segments gives the text back exactly, no segment is empty,
    /// plain runs are never adjacent, highlights never overlap and each shows exactly its own offsets, and a
    /// character is highlighted exactly when some valid input highlight covers it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Texts))]
    public void Segments_always_reconstruct_the_text_and_cover_exactly_the_highlighted_characters(string text)
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var highlights = Enumerable.Range(0, random.Next(0, 7))
                .Select(i => new Highlight(random.Next(-3, text.Length + 3), random.Next(-3, text.Length + 3), $"H{i}", Active: random.Next(4) == 0))
                .ToList();

            var segments = TextSegments.Split(text, highlights);

            var context = $"seed {seed}: [{string.Join("; ", highlights)}]";
            string.Concat(segments.Select(s => s.Text)).ShouldBe(text, context);
            segments.ShouldAllBe(s => s.Text.Length > 0, context);

            var position = 0;
            TextSegment? previous = null;
            foreach (var segment in segments)
            {
                if (segment.Highlight is { } h)
                {
                    h.Start.ShouldBe(position, context);
                    text[h.Start..h.End].ShouldBe(segment.Text, context);
                }
                else
                {
                    (previous is { Highlight: null }).ShouldBeFalse($"two plain runs in a row; {context}");
                }

                position += segment.Text.Length;
                previous = segment;
            }

            var valid = highlights.Where(h => h.Start >= 0 && h.End <= text.Length && h.End > h.Start).ToList();
            var offset = 0;
            foreach (var segment in segments)
            {
                for (var i = 0; i < segment.Text.Length; i++, offset++)
                {
                    var covered = valid.Any(h => h.Start <= offset && offset < h.End);
                    (segment.Highlight is not null).ShouldBe(covered, $"offset {offset}; {context}");
                }
            }

            foreach (var h in valid)
            {
                var holder = segments.Single(s => s.Highlight is { } m && m.Start <= h.Start && h.End <= m.End).Highlight!;
                holder.Label.Split(", ").ShouldContain(h.Label, context);
                if (h.Active)
                {
                    holder.Active.ShouldBeTrue(context);
                }
            }
        }
    }
}
