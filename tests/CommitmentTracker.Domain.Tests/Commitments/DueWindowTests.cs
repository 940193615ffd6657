using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Domain.Tests.Commitments;

public class DueWindowTests
{
    private static readonly DateOnly SeptemberFirst = new(2024, 9, 1);
    private static readonly DateOnly EndOfNovember = new(2024, 11, 30);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_phrase_is_required(string? phrase)
    {
        var ex = Should.Throw<DomainRuleException>(() => new DueWindow(phrase!, DuePrecision.Season, SeptemberFirst, EndOfNovember));

        ex.Field.ShouldBe("DueWindow.Phrase");
        ex.Message.ShouldContain("phrase");
    }

    [Fact]
    public void A_phrase_longer_than_200_characters_is_refused()
    {
        var ex = Should.Throw<DomainRuleException>(() => new DueWindow(new string('x', 201), DuePrecision.Day, EndOfNovember, EndOfNovember));

        ex.Field.ShouldBe("DueWindow.Phrase");
        ex.Message.ShouldContain("200");
    }

    [Fact]
    public void A_phrase_of_200_characters_is_accepted_and_the_phrase_is_trimmed()
    {
        new DueWindow(new string('x', 200), DuePrecision.Day, EndOfNovember, EndOfNovember).Phrase.Length.ShouldBe(200);
        new DueWindow("  autumn 2024 ", DuePrecision.Season, SeptemberFirst, EndOfNovember).Phrase.ShouldBe("autumn 2024");
    }

    [Theory]
    [InlineData(DuePrecision.Day)]
    [InlineData(DuePrecision.Month)]
    [InlineData(DuePrecision.Quarter)]
    [InlineData(DuePrecision.Season)]
    [InlineData(DuePrecision.HalfYear)]
    [InlineData(DuePrecision.Year)]
    public void A_latest_date_is_required_unless_open(DuePrecision precision)
    {
        var ex = Should.Throw<DomainRuleException>(() => new DueWindow("some time", precision, SeptemberFirst, null));

        ex.Field.ShouldBe("DueWindow.Latest");
        ex.Message.ShouldContain($"precision {precision} needs a latest date");
    }

    [Fact]
    public void An_open_window_needs_no_dates()
    {
        var window = new DueWindow("in the near future", DuePrecision.Open, null, null);

        window.Precision.ShouldBe(DuePrecision.Open);
        window.Earliest.ShouldBeNull();
        window.Latest.ShouldBeNull();
    }

    [Fact]
    public void The_earliest_date_cannot_be_after_the_latest()
    {
        var ex = Should.Throw<DomainRuleException>(() => new DueWindow("autumn 2024", DuePrecision.Season, EndOfNovember, SeptemberFirst));

        ex.Field.ShouldBe("DueWindow.Earliest");
        ex.Message.ShouldContain("cannot be after");
    }

    [Fact]
    public void The_earliest_date_may_equal_the_latest()
    {
        var window = new DueWindow("30 November 2024", DuePrecision.Day, EndOfNovember, EndOfNovember);

        window.Earliest.ShouldBe(window.Latest);
    }

    [Fact]
    public void OnDay_is_a_one_day_window()
    {
        var window = DueWindow.OnDay("1 October 2024", new DateOnly(2024, 10, 1));

        window.Precision.ShouldBe(DuePrecision.Day);
        window.Earliest.ShouldBe(new DateOnly(2024, 10, 1));
        window.Latest.ShouldBe(new DateOnly(2024, 10, 1));
        window.Phrase.ShouldBe("1 October 2024");
    }

    [Theory]
    [InlineData("2024-11-29", false)]
    [InlineData("2024-11-30", false)]
    [InlineData("2024-12-01", true)]
    [InlineData("2025-06-01", true)]
    public void An_open_item_is_overdue_only_after_the_latest_day(string asOf, bool passed)
    {
        var window = new DueWindow("autumn 2024", DuePrecision.Season, SeptemberFirst, EndOfNovember);
        var day = DateOnly.ParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        OverdueRule.Holds(LifecycleStatus.Confirmed, window.Latest, day).ShouldBe(passed);
        OverdueRule.Holds(LifecycleStatus.Fulfilled, window.Latest, day).ShouldBeFalse("a closed item is never overdue");
    }

    [Fact]
    public void An_open_window_never_passes()
    {
        var window = new DueWindow("in the near future", DuePrecision.Open, new DateOnly(2023, 10, 10), null);

        OverdueRule.Holds(LifecycleStatus.Captured, window.Latest, new DateOnly(2099, 12, 31)).ShouldBeFalse();
        window.DaysPast(new DateOnly(2099, 12, 31)).ShouldBe(0);
    }

    [Theory]
    [InlineData("2024-11-01", 0)]
    [InlineData("2024-11-30", 0)]
    [InlineData("2024-12-01", 1)]
    [InlineData("2024-12-31", 31)]
    [InlineData("2025-11-30", 365)]
    public void DaysPast_counts_whole_days_after_the_latest_day(string asOf, int days)
    {
        var window = new DueWindow("autumn 2024", DuePrecision.Season, SeptemberFirst, EndOfNovember);

        window.DaysPast(DateOnly.ParseExact(asOf, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(days);
    }

    [Fact]
    public void Windows_with_the_same_values_are_equal()
    {
        new DueWindow("autumn 2024", DuePrecision.Season, SeptemberFirst, EndOfNovember)
            .ShouldBe(new DueWindow("autumn 2024", DuePrecision.Season, SeptemberFirst, EndOfNovember));
    }
}
