using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Web.Components.Pages;
using CommitmentTracker.Web.Components.Shared;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// Capture by selecting text (decision 0039): what the browser reports becomes exact offsets in the stored record,
/// whether the page holds the record's "\r\n" breaks as they are or as "\n"; and the title a passage suggests.
/// </summary>
public sealed class RecordSelectionTests
{
    private const string Passage = "We agreed to hold a joint trade fair.";
    private const string Record = "Opening words.\r\n" + Passage + "  \r\nClosing words.";
    private static readonly int Start = Record.IndexOf(Passage, StringComparison.Ordinal);

    [Fact]
    public void Offsets_that_read_the_selected_text_are_taken_as_they_are_less_the_space_around_it()
    {
        var selected = Record[(Start - 2)..(Start + Passage.Length + 2)];

        RecordSelection.Resolve(Record, new BrowserSelection(Start - 2, Start + Passage.Length + 2, selected, Normalized: false))
            .ShouldBe((Start, Start + Passage.Length));
    }

    [Fact]
    public void Offsets_counted_with_line_breaks_as_one_character_are_mapped_back_to_the_record()
    {
        var normalized = Record.ReplaceLineEndings("\n");
        var at = normalized.IndexOf(Passage, StringComparison.Ordinal);
        at.ShouldBe(Start - 1, "one \\r before the passage");

        // From a text box (it says so), and from a page whose DOM holds the breaks as "\n" (it does not, but the text tells).
        RecordSelection.Resolve(Record, new BrowserSelection(at, at + Passage.Length, Passage, Normalized: true)).ShouldBe((Start, Start + Passage.Length));
        RecordSelection.Resolve(Record, new BrowserSelection(at, at + Passage.Length, Passage, Normalized: false)).ShouldBe((Start, Start + Passage.Length));

        var acrossBreak = normalized[at..(at + Passage.Length + 4)];
        RecordSelection.Resolve(Record, new BrowserSelection(at, at + acrossBreak.Length, acrossBreak, Normalized: true))
            .ShouldBe((Start, Start + Passage.Length + 5), "the break inside is two characters in the record");
    }

    [Theory]
    [InlineData(0, 0, "")]
    [InlineData(14, 16, "\r\n")]
    [InlineData(0, 7, "Closing")]
    public void Nothing_that_is_empty_only_space_or_not_the_record_text_is_offered(int start, int end, string text) =>
        RecordSelection.Resolve(Record, new BrowserSelection(start, end, text, Normalized: false)).ShouldBeNull();

    [Theory]
    [InlineData("we agreed to hold\n  a joint trade fair.", "We agreed to hold a joint trade fair")]
    [InlineData("“the sides will meet again in spring”", "The sides will meet again in spring")]
    [InlineData("   ", null)]
    public void A_passage_suggests_a_title_on_one_line_without_its_full_stop(string passage, string? title) =>
        CaptureTitle.From(passage, Commitment.MaxTitleLength).ShouldBe(title);

    [Fact]
    public void A_passage_longer_than_a_title_suggests_none_rather_than_a_cut_one() =>
        CaptureTitle.From(new string('a', Commitment.MaxTitleLength + 1), Commitment.MaxTitleLength).ShouldBeNull();

    [Fact]
    public void The_dashboard_note_names_each_figure_that_moved_and_only_those()
    {
        var before = new SummaryDto(new DateOnly(2025, 1, 15), 30, 25, 3, 1, 2, 4,
            [new(LifecycleStatus.Captured, 20), new(LifecycleStatus.InProgress, 5), new(LifecycleStatus.Fulfilled, 5)], [], [], []);
        var after = before with
        {
            Open = 24,
            Overdue = 2,
            ByStatus = [new(LifecycleStatus.Captured, 20), new(LifecycleStatus.InProgress, 4), new(LifecycleStatus.Fulfilled, 5), new(LifecycleStatus.Superseded, 1)],
        };

        FigureChanges.Between(before, after).ShouldBe(["Open 25 → 24", "Overdue 3 → 2", "In progress 5 → 4", "Superseded 0 → 1"]);
        FigureChanges.Between(before, before).ShouldBeEmpty();
    }
}
