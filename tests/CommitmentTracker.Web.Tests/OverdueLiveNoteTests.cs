using CommitmentTracker.Application.Changes.Queries.GetChangeHead;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Parties;
using CommitmentTracker.Application.Parties.Queries.ListParties;
using CommitmentTracker.Web.Components.Pages;
using CommitmentTracker.Web.Components.Shared;

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
        UseScopedSender(_sender).SetAuthorized("manager");
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

    private static PagedResult<OverdueItemDto> List(params string[] codes) =>
        new([.. codes.Select(code => new OverdueItemDto { Code = code, Title = $"Title of {code}", DaysOverdue = 10 })], 1, 25, codes.Length);
}
