using CommitmentTracker.Application.Changes.Queries.GetChangeHead;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Parties;
using CommitmentTracker.Application.Parties.Queries.ListParties;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Web.Components.Pages;
using CommitmentTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// The overdue review's note says what a change made elsewhere did to the list shown, and a change that moved nothing
/// on it leaves the note as it was: a note saying only "updated" would replace one that said what moved.
/// </summary>
public sealed class OverdueLiveNoteTests : MudTestContext
{
    private readonly FakeSender _sender = new();
    private PagedResult<OverdueItemDto> _list = List("MTG-1", "MTG-2");

    public OverdueLiveNoteTests()
    {
        UseScopedSender(_sender).SetAuthorized("manager").SetRoles(Roles.Manager).SetPolicies(nameof(Access.Write));
        _sender.Handler = message => Task.FromResult<object?>(message switch
        {
            ListPartiesQuery => new List<PartyDto>(),
            ListOverdueQuery => _list,
            GetChangeHeadQuery => new ChangeHead("0000000000000001"),
            _ => throw new InvalidOperationException(message.GetType().Name),
        });
    }

    [Fact]
    public async Task A_change_elsewhere_that_moves_nothing_here_keeps_the_note_that_said_what_moved()
    {
        var cut = Render<Overdue>();
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("2 overdue"));
        var live = cut.FindComponent<LiveChanges>().Instance;

        _list = List("MTG-2");
        await cut.InvokeAsync(() => live.Changed.InvokeAsync());
        var note = cut.Find("[data-testid=\"live-note\"]").TextContent;
        note.ShouldContain("2 → 1 overdue.");

        // Committed elsewhere, but this list is the same: the note still says what moved.
        await cut.InvokeAsync(() => live.Changed.InvokeAsync());
        cut.Find("[data-testid=\"live-note\"]").TextContent.ShouldBe(note);

        // The same count with another commitment on the page is a move too.
        _list = List("MTG-3");
        await cut.InvokeAsync(() => live.Changed.InvokeAsync());
        cut.Find("[data-testid=\"live-note\"]").TextContent.ShouldContain("the commitments on this page changed.");
    }

    [Fact]
    public void An_address_day_that_is_not_a_date_is_named_and_the_heading_claims_no_day()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/overdue?asOf=notadate");
        var cut = Render<Overdue>();
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("2 overdue"));

        cut.Find("[data-testid=\"as-of-problem\"]").TextContent.ShouldContain("'notadate' is not valid: asOf must be a date (yyyy-MM-dd). The list is as of today.");
        cut.Markup.ShouldNotContain("by the end of notadate");
        _sender.Sent.OfType<ListOverdueQuery>().ShouldAllBe(q => q.Filter.AsOf == null);
    }

    [Fact]
    public void An_address_day_is_the_day_the_heading_states_and_the_list_is_read_for()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/overdue?asOf=2024-06-01");
        var cut = Render<Overdue>();
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("2 overdue"));

        cut.Markup.ShouldContain("by the end of 2024-06-01");
        cut.FindAll("[data-testid=\"as-of-problem\"]").ShouldBeEmpty();
        _sender.Sent.OfType<ListOverdueQuery>().ShouldAllBe(q => q.Filter.AsOf == new DateOnly(2024, 6, 1));
    }

    [Fact]
    public async Task With_a_form_open_only_a_change_that_moves_the_list_says_it_is_out_of_date()
    {
        var (cut, live) = RenderWithAFormOpen();

        // Committed elsewhere, but not to this list: nothing to say, nothing to refresh.
        await cut.InvokeAsync(() => live.Changed.InvokeAsync());
        cut.FindAll("[data-testid=\"live-note\"]").ShouldBeEmpty();

        _list = List("MTG-2");
        await cut.InvokeAsync(() => live.Changed.InvokeAsync());
        cut.Find("[data-testid=\"live-note\"]").TextContent.ShouldContain("The overdue list changed elsewhere. It refreshes when you close or save this form.");
        cut.Markup.ShouldContain("2 overdue"); // the list waits under the open form
    }

    [Fact]
    public async Task With_a_form_open_a_row_that_shows_another_status_is_a_move()
    {
        var (cut, live) = RenderWithAFormOpen();

        // The same commitments, but one of them is now recorded as stalled: the list as shown is out of date.
        _list = new([.. _list.Items.Select(i => i.Code == "MTG-2" ? new OverdueItemDto { Code = i.Code, Title = i.Title, DaysOverdue = i.DaysOverdue, Status = LifecycleStatus.Stalled } : i)], 1, 25, 2);
        await cut.InvokeAsync(() => live.Changed.InvokeAsync());

        cut.Find("[data-testid=\"live-note\"]").TextContent.ShouldContain("The overdue list changed elsewhere.");
    }

    // The review of two overdue commitments, with the first one's Record status form open.
    private (IRenderedComponent<Overdue> Page, LiveChanges Live) RenderWithAFormOpen()
    {
        var cut = Render<Overdue>();
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("2 overdue"));
        cut.FindAll("button").First(b => b.TextContent.Contains("Record status", StringComparison.Ordinal)).Click();
        return (cut, cut.FindComponent<LiveChanges>().Instance);
    }

    private static PagedResult<OverdueItemDto> List(params string[] codes) =>
        new([.. codes.Select(code => new OverdueItemDto { Code = code, Title = $"Title of {code}", DaysOverdue = 10 })], 1, 25, codes.Length);
}
