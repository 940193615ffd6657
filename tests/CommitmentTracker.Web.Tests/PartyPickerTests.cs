using Bunit.Rendering;
using CommitmentTracker.Application.Parties;
using CommitmentTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// With every region of Russia and Belarus registered (about a hundred parties), a party is found by typing any of its
/// names, in either language, rather than by scrolling a list sorted by key.
/// </summary>
public sealed class PartyPickerTests : MudTestContext
{
    private static readonly IReadOnlyList<PartyDto> Register =
    [
        new() { Key = "BY", Name = "Republic of Belarus", Aliases = ["Belarus", "Беларусь"] },
        new() { Key = "BY-NVS-JOINT-BODY", Name = "Joint body for trade between Belarus and Novosibirsk Oblast" },
        new() { Key = "RU-NVS", Name = "Novosibirsk Oblast", Aliases = ["Novosibirsk Region", "Новосибирская область"] },
        new() { Key = "RU-TA", Name = "Republic of Tatarstan", Aliases = ["Республика Татарстан", "Татарстан"] },
    ];

    private readonly List<IReadOnlyCollection<string>> _chosen = [];

    [Theory]
    [InlineData("татар", "RU-TA · Republic of Tatarstan")]
    [InlineData("Новосибирская", "RU-NVS · Novosibirsk Oblast")]
    [InlineData("ru-nv", "RU-NVS · Novosibirsk Oblast")]
    // The closest first: a name that starts with the text before one that holds it further on, whatever the register's order.
    [InlineData("novosibirsk", "RU-NVS · Novosibirsk Oblast|BY-NVS-JOINT-BODY · Joint body for trade between Belarus and Novosibirsk Oblast")]
    [InlineData("belarus", "BY · Republic of Belarus|BY-NVS-JOINT-BODY · Joint body for trade between Belarus and Novosibirsk Oblast")]
    public void Typing_part_of_any_name_lists_the_parties_that_have_it(string typed, string listed)
    {
        var cut = RenderPicker([]);

        cut.Find("input").Input(typed);

        cut.WaitForAssertion(() => Options(cut).ShouldBe(listed.Split('|')));
    }

    [Fact]
    public void A_name_no_party_has_says_so_and_offers_to_register_it()
    {
        var cut = RenderPicker([]);

        cut.Find("input").Input("Атлантида");

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("No party has a name with “Атлантида”."));

        // A form that records parties offers to register the name, in a new tab so the form keeps what was typed.
        var register = cut.FindAll("a").Single(a => a.TextContent.Contains("Register it as a party", StringComparison.Ordinal));
        register.GetAttribute("href").ShouldBe($"/parties?name={Uri.EscapeDataString("Атлантида")}");
        register.GetAttribute("target").ShouldBe("_blank");
    }

    [Fact]
    public void Choosing_adds_the_party_and_a_chosen_one_is_no_longer_offered()
    {
        var cut = RenderPicker(["RU-TA"]);

        cut.Find("input").Input("Республика");
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("No party has a name with “Республика”."));
        Options(cut).ShouldBeEmpty();

        cut.Find("input").Input("Bel");
        cut.WaitForAssertion(() => Options(cut).ShouldContain("BY · Republic of Belarus"));
        cut.FindAll(".mud-popover-open .mud-list-item").Single(o => o.TextContent.Trim() == "BY · Republic of Belarus").Click();

        cut.WaitForAssertion(() => _chosen.ShouldHaveSingleItem().ShouldBe(["RU-TA", "BY"]));
    }

    [Fact]
    public void A_chips_remove_button_is_named_for_its_party_and_removes_only_it()
    {
        var cut = RenderPicker(["RU-NVS", "RU-TA"]);
        cut.Find("[role=list]").GetAttribute("aria-label").ShouldBe("The other side, chosen");

        cut.Find("button[aria-label=\"Remove RU-TA · Republic of Tatarstan\"]").Click();

        _chosen.ShouldHaveSingleItem().ShouldBe(["RU-NVS"]);
    }

    private IRenderedComponent<ContainerFragment> RenderPicker(IReadOnlyCollection<string> values) => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<PartiesPicker>(1);
        builder.AddComponentParameter(2, nameof(PartiesPicker.Parties), Register);
        builder.AddComponentParameter(3, nameof(PartiesPicker.Label), "The other side");
        builder.AddComponentParameter(4, nameof(PartiesPicker.Values), values);
        builder.AddComponentParameter(5, nameof(PartiesPicker.ValuesChanged), EventCallback.Factory.Create<IReadOnlyCollection<string>>(this, _chosen.Add));
        builder.CloseComponent();
    });

    private static List<string> Options(IRenderedComponent<ContainerFragment> cut) =>
        [.. cut.FindAll(".mud-popover-open .mud-list-item").Select(o => o.TextContent.Trim())];
}
