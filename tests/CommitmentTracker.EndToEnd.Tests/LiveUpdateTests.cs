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

    [Fact]
    public async Task While_the_commitment_is_edited_the_page_waits_says_so_and_catches_up_on_cancel()
    {
        var code = await host.CaptureOnNewMeetingAsync("LIV", "The sides agreed to open a joint service centre.", "Open a joint service centre", "Cooperation");
        await using var manager = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = manager.Page;
        await manager.GotoAsync($"/commitments/{code}");
        await Expect(page.Locator("[data-live=\"watching\"]")).ToHaveCountAsync(1);
        var timeline = MudUi.Card(page, "Status timeline").Locator("[data-entry]");
        await Expect(timeline).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        var title = page.GetByRole(AriaRole.Textbox, new() { Name = "Title" });
        await title.FillAsync("Open a joint service centre in Minsk");

        await host.RecordStatusAsync(code, "Confirmed", "Confirmed by the partner ministry in writing.");

        // The editor stays as typed; the note says the commitment moved under it.
        await Expect(page.GetByTestId("live-note")).ToContainTextAsync($"{code} was changed elsewhere while you edit.");
        await Expect(title).ToHaveValueAsync("Open a joint service centre in Minsk");
        await Expect(timeline).ToHaveCountAsync(1);
        await manager.AssertNoSeriousAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(timeline).ToHaveCountAsync(2);
        await Expect(timeline.First).ToContainTextAsync("Confirmed by the partner ministry in writing.");
        await Expect(page.GetByText($"{code} was just changed elsewhere; this page now shows the latest.")).ToBeVisibleAsync();
        manager.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task While_a_target_form_is_open_the_page_waits_and_keeps_the_typed_numbers()
    {
        var code = await host.CaptureOnNewMeetingAsync("LIV", "Trade between the regions will reach 2 billion dollars.", "Reach 2 billion dollars of trade", "TradeTarget");
        await using var analyst = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = analyst.Page;
        await analyst.GotoAsync($"/commitments/{code}");
        await Expect(page.Locator("[data-live=\"watching\"]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the target" }).ClickAsync();
        var metric = page.GetByRole(AriaRole.Textbox, new() { Name = "Metric", Exact = true });
        await metric.FillAsync("Trade turnover");

        await host.RecordStatusAsync(code, "Confirmed", "Confirmed by both trade ministries.");

        await Expect(page.GetByTestId("live-note")).ToContainTextAsync($"{code} was changed elsewhere while you edit.");
        await Expect(metric).ToHaveValueAsync("Trade turnover");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(MudUi.Card(page, "Status timeline").Locator("[data-entry]").First).ToContainTextAsync("Confirmed by both trade ministries.");
        analyst.ConsoleErrors.ShouldBeEmpty();
    }
}
