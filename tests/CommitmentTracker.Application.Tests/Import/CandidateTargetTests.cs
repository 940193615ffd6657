using CommitmentTracker.Application.Import;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Import;

/// <summary>A trade-target proposal that read a sum suggests the target an accepted commitment tracks (decision 0083).</summary>
public sealed class CandidateTargetTests
{
    [Theory]
    [InlineData(CommitmentKind.TradeTarget, new[] { "1000000000 USD" }, 1_000_000_000, "USD")]
    [InlineData(CommitmentKind.TradeTarget, new[] { "700000000 USD", "1000000000 USD" }, 1_000_000_000, "USD")]
    [InlineData(CommitmentKind.TradeTarget, new[] { "1.5 EUR", "300000000 RUB", "2 EUR" }, 2, "EUR")]
    public void The_largest_sum_in_the_first_currency_is_the_goal_to_reach(CommitmentKind kind, string[] amounts, long goal, string unit)
    {
        var target = CandidateTarget.Suggest(kind, amounts).ShouldNotBeNull();

        target.ShouldSatisfyAllConditions(
            t => t.Metric.ShouldBe(CandidateTarget.Metric),
            t => t.Unit.ShouldBe(unit),
            t => t.Direction.ShouldBe(TargetDirection.Reach),
            t => t.GoalValue.ShouldBe(goal),
            t => t.ToInput().BaselineValue.ShouldBeNull(),
            t => t.ToInput().GoalValue.ShouldBe(goal),
            t => t.ToInput().Observations.ShouldBeNull());
    }

    [Theory]
    [InlineData(CommitmentKind.Cooperation, new[] { "1000000000 USD" })]
    [InlineData(CommitmentKind.Pledge, new[] { "5000000 USD" })]
    [InlineData(CommitmentKind.TradeTarget, new string[0])]
    [InlineData(CommitmentKind.TradeTarget, new[] { "about a billion", "USD" })]
    public void Other_kinds_and_proposals_without_a_readable_sum_suggest_none(CommitmentKind kind, string[] amounts) =>
        CandidateTarget.Suggest(kind, amounts).ShouldBeNull();

    [Theory]
    [InlineData(270_000_000, "USD", "270000000 USD")]
    [InlineData(1.5, "EUR", "1.5 EUR")]
    [InlineData(0.125, "BYN", "0.13 BYN")]
    public void A_sum_is_written_and_read_back_in_one_invariant_form(decimal value, string currency, string written)
    {
        CandidateTarget.Format(value, currency).ShouldBe(written);
        CandidateTarget.Parse(written).ShouldBe((decimal.Parse(written.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), currency));
    }

    [Theory]
    [InlineData("270000000 USD", "270,000,000 USD")]
    [InlineData("1.5 EUR", "1.5 EUR")]
    [InlineData("about a billion", "about a billion")]
    public void The_card_reads_a_sum_with_its_thousands_marked(string stored, string shown) => CandidateTarget.Readable(stored).ShouldBe(shown);

    [Fact]
    public void The_card_says_the_target_in_plain_words()
    {
        var target = CandidateTarget.Suggest(CommitmentKind.TradeTarget, ["270000000 USD"]).ShouldNotBeNull();

        target.ToString().ShouldBe("reach 270,000,000 USD (trade turnover)");
    }
}
