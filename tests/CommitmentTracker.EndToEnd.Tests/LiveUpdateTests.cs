using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 8: a colleague's change reaches a page that is already open, within seconds and without a reload,
/// and what the person was typing stays where it was. Works on a commitment of its own.
/// </summary>
public sealed class LiveUpdateTests(HostProcess host, BrowserFixture browser)
{
    [Fact]
    public async Task A_status_recorded_over_the_API_appears_on_an_open_page_and_the_typed_rationale_stays()
    {
        var code = await host.CaptureOnNewMeetingAsync("LIV", "The sides agreed to open a joint service centre.", "Open a joint service centre", "Cooperation");
        await using var manager = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = manager.Page;
        await manager.GotoAsync($"/commitments/{code}");
        var timeline = MudUi.Card(page, "Status timeline").Locator("[data-entry]");
        await Expect(timeline).ToHaveCountAsync(1);
        var rationale = page.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" });
        await rationale.FillAsync("Half-written note the manager has not saved yet.");

        await host.RecordStatusAsync(code, "Confirmed", "Confirmed by the partner ministry in writing.");

        // No reload: the page asks every few seconds (LiveWatch) and the circuit pushes the new render.
        await Expect(timeline).ToHaveCountAsync(2);
        await Expect(timeline.First).ToContainTextAsync("Confirmed by the partner ministry in writing.");
        await Expect(page.GetByText($"{code} was just changed elsewhere; this page now shows the latest.")).ToBeVisibleAsync();
        await Expect(rationale).ToHaveValueAsync("Half-written note the manager has not saved yet.");
        manager.ConsoleErrors.ShouldBeEmpty();
    }
}
