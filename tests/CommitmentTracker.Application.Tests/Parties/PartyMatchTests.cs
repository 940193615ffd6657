using CommitmentTracker.Application.Parties;
using CommitmentTracker.Domain.Parties;

namespace CommitmentTracker.Application.Tests.Parties;

/// <summary>What a party picker lists first for what the analyst typed.</summary>
public class PartyMatchTests
{
    private static readonly PartyDto Belarus = new() { Key = "BY", Name = "Republic of Belarus", Kind = PartyKind.State, Aliases = ["Belarus", "Беларусь"] };

    [Theory]
    [InlineData("belarus", 0)]
    [InlineData("BY", 0)]
    [InlineData("беларусь", 0)]
    [InlineData("Republic", 1)]
    [InlineData("Belar", 1)]
    [InlineData("of Bel", 2)]
    public void A_name_typed_in_full_ranks_before_the_start_of_one_and_that_before_a_part(string typed, int rank)
    {
        Belarus.MatchRank(typed).ShouldBe(rank);
        Belarus.Matches(typed).ShouldBeTrue();
    }

    [Fact]
    public void A_name_no_name_of_the_party_holds_does_not_match()
    {
        Belarus.MatchRank("Tajikistan").ShouldBeNull();
        Belarus.Matches("Tajikistan").ShouldBeFalse();
    }
}
