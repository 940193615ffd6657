using CommitmentTracker.Web.Components.Shared;


namespace CommitmentTracker.Web.Tests;

public class SpanHighlighterTests : BunitContext
{
    private const string Reveal = "commitmentTracker.revealMark";
    private const string Text = "Leaders agreed: “We will double aid by 2030” and «отчитываться ежегодно».";

    private static readonly int AidStart = Text.IndexOf("double", StringComparison.Ordinal);
    private static readonly int AidEnd = Text.IndexOf('”', StringComparison.Ordinal);
    private static readonly int ReportStart = Text.IndexOf("отчитываться", StringComparison.Ordinal);
    private static readonly int ReportEnd = Text.IndexOf('»', StringComparison.Ordinal);

    public SpanHighlighterTests() => JSInterop.SetupVoid(Reveal, _ => true).SetVoidResult();

    [Fact]
    public void Marks_the_highlighted_text_at_its_offsets_and_keeps_the_rest_as_it_is()
    {
        var cut = Render<SpanHighlighter>(p => p
            .Add(c => c.Text, Text)
            .Add(c => c.Highlights, [new Highlight(ReportStart, ReportEnd, "C-2"), new Highlight(AidStart, AidEnd, "C-1")]));

        var marks = cut.FindAll("mark");
        marks.Select(m => m.TextContent).ShouldBe(["double aid by 2030", "отчитываться ежегодно"]);
        marks[0].GetAttribute("data-span").ShouldBe($"{AidStart}-{AidEnd}");
        marks[0].GetAttribute("title").ShouldBe("C-1");
        marks[1].GetAttribute("data-span").ShouldBe($"{ReportStart}-{ReportEnd}");
        marks[1].GetAttribute("title").ShouldBe("C-2");

        var region = cut.Find("[role=region]");
        region.TextContent.ShouldBe(Text);
        region.TextContent[..AidStart].ShouldBe("Leaders agreed: “We will ");
    }

    [Fact]
    public void A_highlight_with_an_href_links_from_inside_its_mark()
    {
        var cut = Render<SpanHighlighter>(p => p
            .Add(c => c.Text, Text)
            .Add(c => c.Highlights, [new Highlight(AidStart, AidEnd, "C-1", "/commitments/C-1"), new Highlight(ReportStart, ReportEnd, "C-2")]));

        var marks = cut.FindAll("mark");
        var link = marks[0].QuerySelector("a").ShouldNotBeNull();
        link.GetAttribute("href").ShouldBe("/commitments/C-1");
        link.TextContent.ShouldBe("double aid by 2030");
        marks[1].QuerySelector("a").ShouldBeNull();
        cut.FindAll("a").Count.ShouldBe(1);
    }

    [Fact]
    public void Only_active_highlights_carry_the_active_class()
    {
        var cut = Render<SpanHighlighter>(p => p
            .Add(c => c.Text, Text)
            .Add(c => c.Highlights, [new Highlight(AidStart, AidEnd, "C-1"), new Highlight(ReportStart, ReportEnd, "C-2", Active: true)]));

        var marks = cut.FindAll("mark");
        marks[0].HasAttribute("class").ShouldBeFalse();
        marks[1].ClassList.ShouldBe(["active"]);
        cut.FindAll("mark.active").Single().TextContent.ShouldBe("отчитываться ежегодно");
    }

    [Fact]
    public void Overlapping_quotes_show_once_with_both_labels()
    {
        var cut = Render<SpanHighlighter>(p => p
            .Add(c => c.Text, Text)
            .Add(c => c.Highlights, [new Highlight(AidStart, AidEnd, "C-1"), new Highlight(AidStart + 7, AidEnd + 10, "C-3")]));

        var mark = cut.Find("mark");
        mark.GetAttribute("title").ShouldBe("C-1, C-3");
        mark.TextContent.ShouldBe(Text[AidStart..(AidEnd + 10)]);
        cut.Find("[role=region]").TextContent.ShouldBe(Text);
    }

    [Fact]
    public void The_text_is_a_focusable_region_named_by_its_label()
    {
        var named = Render<SpanHighlighter>(p => p.Add(c => c.Text, Text).Add(c => c.Label, "Meeting record of M-7"));
        var region = named.Find("div");
        region.GetAttribute("role").ShouldBe("region");
        region.GetAttribute("aria-label").ShouldBe("Meeting record of M-7");
        region.GetAttribute("tabindex").ShouldBe("0");

        var unnamed = Render<SpanHighlighter>(p => p.Add(c => c.Text, Text));
        unnamed.Find("[role=region]").GetAttribute("aria-label").ShouldBe("Meeting record");
    }

    [Fact]
    public void Scrolls_its_own_box_to_the_quote_once_on_first_render()
    {
        var cut = Render<SpanHighlighter>(p => p
            .Add(c => c.Text, Text)
            .Add(c => c.Highlights, [new Highlight(AidStart, AidEnd, "C-1")]));

        var invocation = JSInterop.VerifyInvoke(Reveal, 1).Single();
        invocation.Arguments.ShouldBe([cut.Find("[role=region]").Id]);

        cut.Render(p => p.Add(c => c.Highlights, [new Highlight(ReportStart, ReportEnd, "C-2")]));
        JSInterop.VerifyInvoke(Reveal, 1);
    }

    [Fact]
    public void Does_not_call_javascript_without_highlights()
    {
        var cut = Render<SpanHighlighter>(p => p.Add(c => c.Text, Text));

        cut.FindAll("mark").ShouldBeEmpty();
        cut.Find("[role=region]").TextContent.ShouldBe(Text);
        JSInterop.VerifyNotInvoke(Reveal);
        JSInterop.Invocations.ShouldBeEmpty();
    }

    [Fact]
    public void Two_highlighters_on_a_page_have_distinct_ids()
    {
        var first = Render<SpanHighlighter>(p => p.Add(c => c.Text, Text));
        var second = Render<SpanHighlighter>(p => p.Add(c => c.Text, Text));

        first.Find("[role=region]").Id.ShouldNotBe(second.Find("[role=region]").Id);
    }
}
