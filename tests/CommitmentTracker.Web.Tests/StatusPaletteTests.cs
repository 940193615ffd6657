using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Web.Components.Shared;

namespace CommitmentTracker.Web.Tests;

public class StatusPaletteTests
{
    public static TheoryData<LifecycleStatus> Statuses => new(Enum.GetValues<LifecycleStatus>());

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Every_status_has_a_colour_that_carries_white_text_at_AA(LifecycleStatus status) =>
        StatusPalette.ContrastWithWhite(StatusPalette.ColourOf(status)).ShouldBeGreaterThanOrEqualTo(4.5, $"{status} on {StatusPalette.ColourOf(status)}");

    [Fact]
    public void The_contrast_formula_gives_the_known_extremes()
    {
        StatusPalette.ContrastWithWhite("#000000").ShouldBe(21, tolerance: 0.01);
        StatusPalette.ContrastWithWhite("#ffffff").ShouldBe(1, tolerance: 0.01);
        StatusPalette.ContrastWithWhite("#767676").ShouldBe(4.54, tolerance: 0.01);
    }

    [Theory]
    [InlineData(LifecycleStatus.Fulfilled, StatusMeaning.ClosedGood)]
    [InlineData(LifecycleStatus.PartiallyFulfilled, StatusMeaning.ClosedPartly)]
    [InlineData(LifecycleStatus.NotFulfilled, StatusMeaning.ClosedBad)]
    [InlineData(LifecycleStatus.Stalled, StatusMeaning.AtRisk)]
    [InlineData(LifecycleStatus.Withdrawn, StatusMeaning.ClosedNeutral)]
    [InlineData(LifecycleStatus.Superseded, StatusMeaning.ClosedNeutral)]
    [InlineData(LifecycleStatus.Captured, StatusMeaning.Open)]
    [InlineData(LifecycleStatus.Confirmed, StatusMeaning.Open)]
    [InlineData(LifecycleStatus.InProgress, StatusMeaning.Open)]
    public void Meanings_follow_the_outcome_not_the_position_in_the_lifecycle(LifecycleStatus status, StatusMeaning meaning) =>
        StatusPalette.MeaningOf(status).ShouldBe(meaning);

    [Fact]
    public void Open_statuses_are_told_apart_and_good_and_bad_outcomes_are_green_and_red()
    {
        Enum.GetValues<LifecycleStatus>().Select(StatusPalette.ColourOf).ShouldBeUnique();

        // The dashboard once showed Fulfilled red and Not fulfilled green: pin the families by dominant channel.
        Dominant(StatusPalette.ColourOf(LifecycleStatus.Fulfilled)).ShouldBe('g');
        Dominant(StatusPalette.ColourOf(LifecycleStatus.NotFulfilled)).ShouldBe('r');
        Dominant(StatusPalette.ColourOf(LifecycleStatus.Confirmed)).ShouldBe('b');
    }

    [Fact]
    public void A_chart_palette_follows_the_order_of_its_slices()
    {
        StatusPalette.For([LifecycleStatus.NotFulfilled, LifecycleStatus.Fulfilled])
            .ShouldBe([StatusPalette.ColourOf(LifecycleStatus.NotFulfilled), StatusPalette.ColourOf(LifecycleStatus.Fulfilled)]);
    }

    private static char Dominant(string hex)
    {
        var rgb = Convert.ToInt32(hex.TrimStart('#'), 16);
        var (r, g, b) = ((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
        return r >= g && r >= b ? 'r' : g >= b ? 'g' : 'b';
    }
}
