using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 8, for the commitments grid (decision 0047): a change another system makes over the API with its key
/// shows in an open grid within seconds, in place (same filters, sort and page, no reload), with a note naming the
/// rows that changed; while rows are selected for a bulk change the grid waits, keeps what was typed and offers
/// "Refresh now". Works on meetings of its own (LVG-…).
/// </summary>
public sealed class LiveGridTests(HostProcess host, BrowserFixture browser)
{
    private const string Record = "The sides agreed to open a joint logistics hub. They will also hold a business forum.";

    [Fact]
    public async Task A_status_recorded_with_an_API_key_shows_in_the_open_grid_in_place()
    {
        var (meeting, hub, forum) = await TwoCommitmentsAsync();
        var key = await host.IssueApiKeyAsync("Live grid");
        await using var manager = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = manager.Page;
        var address = $"/commitments?meeting={meeting}&sort=-code";
        await manager.GotoAsync(address);
        var hubRow = Row(page, hub);
        await Expect(hubRow).ToContainTextAsync("Captured");
        await Expect(page.Locator("[data-live=\"watching\"]")).ToHaveCountAsync(1);
        var url = page.Url;
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await host.RecordStatusAsync(hub, "Stalled", "The hub's financing is on hold.", key);

        await Expect(hubRow).ToContainTextAsync("Stalled");
        await Expect(page.GetByTestId("live-note")).ToContainTextAsync($"1 commitment changed ({hub})");
        await Expect(hubRow).ToHaveClassAsync(new Regex("live-changed"));
        await Expect(Row(page, forum)).Not.ToHaveClassAsync(new Regex("live-changed"));
        (await page.EvaluateAsync<bool>("() => window.sameDocument === true")).ShouldBeTrue("the page was reloaded");
        page.Url.ShouldBe(url, "the grid kept its filters, sort and page");
        await Expect(page.Locator(".mud-table-body tr").First).ToContainTextAsync(forum); // still sorted by code, descending: the forum was captured second
        await manager.AssertNoSeriousAxeViolationsAsync();
        await manager.ScreenshotAsync("commitments-live");
        manager.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task With_rows_selected_the_grid_waits_keeps_the_bulk_form_and_offers_a_refresh()
    {
        var (meeting, hub, forum) = await TwoCommitmentsAsync();
        var key = await host.IssueApiKeyAsync("Live grid");
        await using var analyst = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = analyst.Page;
        await analyst.GotoAsync($"/commitments?meeting={meeting}");
        await Expect(page.Locator("[data-live=\"watching\"]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {forum}" }).CheckAsync();
        var rationale = page.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" });
        await rationale.FillAsync("Half-written: the forum has no venue yet.");

        await host.RecordStatusAsync(hub, "Confirmed", "Confirmed by the transport ministry.", key);

        // The note says the grid is behind; nothing under the person's selection moved, and what they typed stays.
        var note = page.GetByTestId("live-note");
        await Expect(note).ToContainTextAsync("The grid waits while rows are selected");
        await Expect(Row(page, hub)).ToContainTextAsync("Captured");
        await Expect(rationale).ToHaveValueAsync("Half-written: the forum has no venue yet.");
        await analyst.AssertNoSeriousAxeViolationsAsync();

        await note.GetByRole(AriaRole.Button, new() { Name = "Refresh now" }).ClickAsync();
        await Expect(Row(page, hub)).ToContainTextAsync("Confirmed");
        await Expect(note).ToContainTextAsync($"1 commitment changed ({hub})");
        await Expect(rationale).ToHaveValueAsync("Half-written: the forum has no venue yet.");
        await Expect(page.GetByTestId("selected-count")).ToHaveTextAsync("1 selected");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {forum}" })).ToBeCheckedAsync();

        // Behind again; clearing the selection is when the grid catches up by itself.
        await host.RecordStatusAsync(hub, "InProgress", "Work on the site has started.", key);
        await Expect(note).ToContainTextAsync("The grid waits while rows are selected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear selection" }).ClickAsync();
        await Expect(Row(page, hub)).ToContainTextAsync("In progress");
        await Expect(note).ToContainTextAsync($"1 commitment changed ({hub})");
        analyst.ConsoleErrors.ShouldBeEmpty();
    }

    private async Task<(string Meeting, string Hub, string Forum)> TwoCommitmentsAsync()
    {
        var meeting = LedgerData.UniqueCode("LVG");
        await host.RecordMeetingAsync(meeting, Record);
        var hub = await host.CaptureAsync(meeting, "The sides agreed to open a joint logistics hub.", "Open a joint logistics hub", "Cooperation");
        var forum = await host.CaptureAsync(meeting, "They will also hold a business forum.", "Hold a business forum", "CulturalEvent");
        return (meeting, hub, forum);
    }

    private static ILocator Row(IPage page, string code) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }) });
}
