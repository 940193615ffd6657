using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>The Overdue review's address: what it can use goes to the list, what it cannot is named in the API's words.</summary>
public sealed class OverdueViewTests
{
    [Fact]
    public void A_kind_by_name_in_any_case_and_a_party_key_are_used_as_given()
    {
        var view = OverdueView.FromAddress(" BY-MN ", "culturalevent", out var problems);

        problems.ShouldBeEmpty();
        view.ShouldBe(new OverdueView("BY-MN", CommitmentKind.CulturalEvent));
        var filter = view.Filter(new DateOnly(2025, 3, 1));
        (filter.Party, filter.AsOf).ShouldBe(("BY-MN", new DateOnly(2025, 3, 1)));
        filter.Kind.ShouldBe([CommitmentKind.CulturalEvent]);
    }

    [Fact]
    public void An_empty_address_is_every_overdue_commitment()
    {
        var view = OverdueView.FromAddress(null, " ", out var problems);

        problems.ShouldBeEmpty();
        var filter = view.Filter(null);
        (filter.Party, filter.Kind, filter.AsOf).ShouldBe((null, null, null));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("2")]
    [InlineData("Nope")]
    public void A_kind_that_is_no_kinds_name_numbers_included_is_left_out_and_named(string kind)
    {
        var view = OverdueView.FromAddress("BY", kind, out var problems);

        view.ShouldBe(new OverdueView("BY", null));
        problems.ShouldBe([$"'{kind}' is not a kind (one of TradeTarget, CulturalEvent, Hub, Instruction, Cooperation, Pledge, Other)."]);
    }

    [Fact]
    public void A_party_key_longer_than_any_is_left_out_and_named_as_the_grid_names_it()
    {
        var tooLong = new string('P', Domain.Parties.Party.MaxKeyLength + 1);

        var view = OverdueView.FromAddress(tooLong, "Hub", out var problems);

        view.ShouldBe(new OverdueView(null, CommitmentKind.Hub));
        problems.ShouldBe([$"party may be at most {Domain.Parties.Party.MaxKeyLength} characters."]);
        Application.Commitments.Common.CommitmentGridView.FromAddress($"party={tooLong}", out var gridProblems);
        gridProblems.ShouldBe(problems);
    }
}
