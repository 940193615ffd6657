using Bunit.Rendering;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.DecideCandidate;
using CommitmentTracker.Application.Parties;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// The extractor's commonest party error is reading the sides the wrong way round (the region's own undertaking led by
/// Belarus, or the reverse): in "Edit, then accept" one click swaps them.
/// </summary>
public sealed class CandidateFormTests : MudTestContext
{
    private static readonly IReadOnlyList<PartyDto> Register =
    [
        new() { Key = "BY", Name = "Republic of Belarus" },
        new() { Key = "RU-NVS", Name = "Novosibirsk Oblast" },
        new() { Key = "RU-TA", Name = "Republic of Tatarstan" },
    ];

    private readonly FakeSender _sender = new();

    public CandidateFormTests() => UseScopedSender(_sender).SetAuthorized("analyst").SetRoles(Roles.Analyst);

    [Fact]
    public async Task Swapping_the_sides_accepts_the_counterpart_as_lead_and_the_lead_as_counterpart()
    {
        _sender.Returns(new CommitmentDetailDto());
        var cut = RenderForm(lead: ["BY"], counterparts: ["RU-TA"]);

        var swap = cut.Find("button.swap-sides");
        swap.GetAttribute("aria-label").ShouldBe("Swap lead and counterpart: make RU-TA the lead and BY the counterpart");
        swap.Click();

        // The fields show the new sides before anything is saved.
        cut.WaitForAssertion(() => cut.Find("input[aria-label='Lead party']").GetAttribute("value").ShouldBe("RU-TA · Republic of Tatarstan"));
        cut.Find("[role=list][aria-label='Counterparts, chosen']").TextContent.ShouldContain("BY · Republic of Belarus");
        cut.Find("button.swap-sides").GetAttribute("aria-label").ShouldBe("Swap lead and counterpart: make BY the lead and RU-TA the counterpart");

        await cut.Find("form").SubmitAsync();

        var accepted = _sender.Sent.OfType<AcceptCandidateCommand>().ShouldHaveSingleItem();
        accepted.Changes.ShouldNotBeNull().Responsibilities.ShouldNotBeNull().Select(r => (r.Party, r.Role))
            .ShouldBe([("RU-TA", ResponsibilityRole.Lead), ("BY", ResponsibilityRole.Counterpart)]);
    }

    [Theory]
    [InlineData("BY", "")]
    [InlineData("", "RU-TA")]
    [InlineData("BY", "RU-TA RU-NVS")]
    public void The_swap_is_offered_only_with_one_party_on_each_side(string lead, string counterparts)
    {
        var cut = RenderForm(lead.Split(' ', StringSplitOptions.RemoveEmptyEntries), counterparts.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        cut.FindAll("button.swap-sides").ShouldBeEmpty();
    }

    private IRenderedComponent<ContainerFragment> RenderForm(IReadOnlyList<string> lead, IReadOnlyList<string> counterparts) => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<CandidateForm>(1);
        builder.AddComponentParameter(2, nameof(CandidateForm.Candidate), new CandidateDto
        {
            Id = Guid.NewGuid(),
            SuggestedTitle = "Supply buses and trams to Tatarstan",
            Kind = CommitmentKind.Cooperation,
            Modality = Modality.Tentative,
            Issuer = "BY",
            Lead = lead,
            Counterparts = counterparts,
        });
        builder.AddComponentParameter(3, nameof(CandidateForm.Parties), Register);
        builder.AddComponentParameter(4, nameof(CandidateForm.Saved), EventCallback.Factory.Create<CommitmentDetailDto>(this, _ => { }));
        builder.CloseComponent();
    });
}
