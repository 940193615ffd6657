using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Web.Components.Pages;
using CommitmentTracker.Web.Components.Shared;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// With rows selected the commitments grid waits, and says so only when a change made elsewhere moved something on
/// the page it shows: a change to other commitments is no news here, and saying "the grid waits" would replace the
/// note that said what moved at the last refresh.
/// </summary>
public sealed class CommitmentsLiveNoteTests : MudTestContext
{
    private readonly FakeSender _sender = new();
    private PagedResult<CommitmentSummaryDto> _page = Page(("MTG-1", 1), ("MTG-2", 1));

    public CommitmentsLiveNoteTests()
    {
        UseScopedSender(_sender).SetAuthorized("analyst").SetRoles(Roles.Analyst);
        _sender.Handler = message => Task.FromResult<object?>(message switch
        {
            ListCommitmentsQuery => _page,
            _ => ListPageLookups(message) ?? throw new InvalidOperationException(message.GetType().Name),
        });

        // The circuit, as a person has it: the page follows changes only once interactive.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task With_rows_selected_a_change_elsewhere_that_moves_nothing_here_keeps_the_note()
    {
        var cut = Render<Commitments>();
        cut.WaitForAssertion(() => cut.Find("[aria-label=\"Select MTG-2\"]"));
        var live = cut.FindComponent<LiveChanges>().Instance;
        cut.Find("[aria-label=\"Select MTG-2\"]").Change(true);

        // Something on the page moved: the grid waits and says so, without reloading under the selection.
        _page = Page(("MTG-1", 2), ("MTG-2", 1));
        await cut.InvokeAsync(() => live.Changed.InvokeAsync());
        Note(cut).ShouldContain("The grid waits while rows are selected");

        cut.FindAll("button").Single(b => b.TextContent.Contains("Refresh now", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Note(cut).ShouldContain("1 commitment changed (MTG-1)"));
        var note = Note(cut);

        // Committed elsewhere, but nothing on this page moved: the note still says what moved.
        await cut.InvokeAsync(() => live.Changed.InvokeAsync());
        Note(cut).ShouldBe(note);
        cut.Find("[aria-label=\"Select MTG-2\"]").HasAttribute("checked").ShouldBeTrue();

        // A row arriving on the page is a move too.
        _page = Page(("MTG-1", 2), ("MTG-2", 1), ("MTG-3", 1));
        await cut.InvokeAsync(() => live.Changed.InvokeAsync());
        Note(cut).ShouldContain("The grid waits while rows are selected");
    }

    private static string Note(IRenderedComponent<Commitments> cut) => cut.Find("[data-testid=\"live-note\"]").TextContent;

    private static PagedResult<CommitmentSummaryDto> Page(params (string Code, long Version)[] rows) =>
        new([.. rows.Select(r => new CommitmentSummaryDto { Code = r.Code, Title = $"Title of {r.Code}", MeetingCode = "MTG", Version = r.Version })], 1, 25, rows.Length);
}
