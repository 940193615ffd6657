using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Domain.Tests.Commitments;

public class TargetTests
{
    private static readonly DateOnly BaselineDate = new(2022, 12, 31);

    [Fact]
    public void A_baseline_value_without_its_date_is_refused()
    {
        var ex = Should.Throw<DomainRuleException>(() => new Target("Trade turnover", "USD", TargetDirection.Increase, 1_200_000_000m, null, null, null));

        ex.Field.ShouldBe("BaselineDate");
        ex.Message.ShouldContain("both a value and the date");
    }

    [Fact]
    public void A_baseline_date_without_its_value_is_refused()
    {
        var ex = Should.Throw<DomainRuleException>(() => new Target("Trade turnover", "USD", TargetDirection.Increase, null, BaselineDate, null, null));

        ex.Field.ShouldBe("BaselineDate");
    }

    [Fact]
    public void A_baseline_with_value_and_date_or_no_baseline_is_accepted()
    {
        var withBaseline = new Target("Trade turnover", "usd", TargetDirection.Increase, 1_200_000_000m, BaselineDate, "  Customs statistics ", 2_000_000_000m);
        var withoutBaseline = new Target("Trade turnover", "USD", TargetDirection.Reach, null, null, null, 2_000_000_000m);

        withBaseline.BaselineValue.ShouldBe(1_200_000_000m);
        withBaseline.BaselineDate.ShouldBe(BaselineDate);
        withBaseline.BaselineNote.ShouldBe("Customs statistics");
        withBaseline.Unit.ShouldBe("USD");
        withoutBaseline.BaselineValue.ShouldBeNull();
        withoutBaseline.BaselineDate.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "USD", "Metric")]
    [InlineData("Trade turnover", " ", "Unit")]
    [InlineData("Trade turnover", "ABCDEFGHIJKLMNOPQRSTU", "Unit")]
    public void Metric_and_unit_are_required_and_bounded(string metric, string unit, string field)
    {
        var ex = Should.Throw<DomainRuleException>(() => new Target(metric, unit, TargetDirection.Increase, null, null, null, null));

        ex.Field.ShouldBe(field);
    }

    [Fact]
    public void An_observation_period_cannot_end_before_it_starts()
    {
        var target = new Target("Trade turnover", "USD", TargetDirection.Increase, null, null, null, null);

        var ex = Should.Throw<DomainRuleException>(() => target.Observe(new DateOnly(2024, 12, 31), new DateOnly(2024, 1, 1), 10m, null));

        ex.Field.ShouldBe("PeriodEnd");
        ex.Message.ShouldContain("cannot end before it starts");
        target.Observations.ShouldBeEmpty();
    }

    [Fact]
    public void An_observation_is_recorded_against_the_target()
    {
        var target = new Target("Trade turnover", "USD", TargetDirection.Increase, null, null, null, null);

        var sameDay = target.Observe(new DateOnly(2024, 6, 30), new DateOnly(2024, 6, 30), 5m, null);
        var year = target.Observe(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 1_500_000_000m, " Rosstat ");

        target.Observations.ShouldBe([sameDay, year]);
        year.TargetId.ShouldBe(target.Id);
        year.Value.ShouldBe(1_500_000_000m);
        year.Source.ShouldBe("Rosstat");
    }
}
