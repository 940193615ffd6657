using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Web.Components.Shared;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// A refused due phrase names its problem beside the field; the list of what the parser reads, which ends every refusal,
/// is folded under it, so a narrow column is not filled with it (ADR 0118).
/// </summary>
public sealed class DuePhraseFieldTests : MudTestContext
{
    [Fact]
    public void A_refusal_shows_its_problem_beside_the_field_and_folds_the_accepted_forms()
    {
        DueWindowParser.TryParse("22-20 September", new DateOnly(2023, 10, 10), out _, out var error).ShouldBeFalse();

        var cut = Render<DuePhraseField>(p => p.Add(x => x.Value, "22-20 September").Add(x => x.Error, error));

        var shown = cut.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim();
        shown.ShouldBe("'22-20 September' cannot be read as a due date: a range of days runs forwards (22 is not before 20).");
        var folded = cut.Find("details.due-forms");
        folded.HasAttribute("open").ShouldBeFalse();
        folded.QuerySelector("summary")!.TextContent.Trim().ShouldBe("What can be read");
        folded.TextContent.ShouldContain("a range of days ('20-21 September', 'September 20-22')");
    }

    [Fact]
    public void An_error_without_the_list_is_shown_whole_and_nothing_is_folded()
    {
        var cut = Render<DuePhraseField>(p => p.Add(x => x.Value, "x").Add(x => x.Error, "A due phrase must be at most 200 characters."));

        cut.Find(".mud-input-helper-text.mud-input-error").TextContent.Trim().ShouldBe("A due phrase must be at most 200 characters.");
        cut.FindAll("details.due-forms").ShouldBeEmpty();
    }

    [Fact]
    public void Without_an_error_the_helper_text_shows_and_nothing_is_folded()
    {
        var cut = Render<DuePhraseField>(p => p.Add(x => x.Value, "autumn 2024").Add(x => x.HelperText, "e.g. autumn 2024"));

        cut.FindAll(".mud-input-error").ShouldBeEmpty();
        cut.Find(".mud-input-helper-text").TextContent.Trim().ShouldBe("e.g. autumn 2024");
        cut.FindAll("details.due-forms").ShouldBeEmpty();
    }
}
