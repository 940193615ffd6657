using CommitmentTracker.Testing;

namespace CommitmentTracker.Domain.Tests;

/// <summary>The shuffle behind XUNIT_SHUFFLE_SEED (tests/Shared/ShuffledOrder.cs): a permutation a seed replays exactly.</summary>
public class ShuffledOrderTests
{
    private static readonly string[] Names = [.. Enumerable.Range(1, 40).Select(i => $"Test{i:00}")];

    [Fact]
    public void A_seed_gives_a_permutation_and_the_same_seed_the_same_order_whatever_order_it_was_given()
    {
        var first = ShuffledOrder.Shuffle(Names, n => n, 4242);
        var again = ShuffledOrder.Shuffle(Names.Reverse(), n => n, 4242);

        first.Order(StringComparer.Ordinal).ShouldBe(Names);
        again.ShouldBe(first);
        first.SequenceEqual(Names).ShouldBeFalse("40 names in their sorted order from a shuffle would be a broken shuffle");
    }

    [Fact]
    public void Different_seeds_give_different_orders()
    {
        var orders = Enumerable.Range(1, 5).Select(seed => string.Join(",", ShuffledOrder.Shuffle(Names, n => n, seed))).ToList();

        orders.Distinct().Count().ShouldBe(5);
    }
}
