using System.Globalization;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 8 (the part decision 0034 left): the dashboard and the overdue review follow a change made over the
/// API within seconds, without a reload, say what moved, and never take away a form the person is filling in.
/// </summary>
public sealed class LiveFiguresTests(HostProcess host, BrowserFixture browser)
{
    [Fact]
    public async Task The_dashboard_shows_a_status_recorded_over_the_API_without_a_reload()
    {
        // Superseded is recorded by no other browser test, so its count moves only by this test's entry.
        var code = await host.CaptureOnNewMeetingAsync("LVD", "The sides agreed to sign a new transport agreement.", "Sign a new transport agreement", "Cooperation");
        await using var manager = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = manager.Page;
        await manager.GotoAsync("/");
        await Expect(page.Locator("[data-as-of]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-live=\"watching\"]")).ToHaveCountAsync(1);
        var superseded = page.Locator("figure[aria-labelledby=\"by-status\"] [data-count-item=\"Superseded\"] [data-count]");
        var before = await superseded.CountAsync() == 0 ? 0 : int.Parse(await superseded.InnerTextAsync(), CultureInfo.InvariantCulture);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await host.RecordStatusAsync(code, "Superseded", "Replaced by the 2025 transport agreement.");

        await Expect(superseded).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("live-note")).ToContainTextAsync($"Superseded {before} → {before + 1}");
        (await page.EvaluateAsync<bool>("() => window.sameDocument === true")).ShouldBeTrue("the page was reloaded");
        await manager.AssertNoSeriousAxeViolationsAsync();
        await manager.ScreenshotAsync("dashboard-live");
        manager.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_overdue_review_waits_while_a_form_is_open_then_follows_the_change()
    {
        // An overdue commitment of a party of its own, so the filtered list holds it alone.
        var party = LedgerData.UniqueCode("LVO").Replace("-", string.Empty, StringComparison.Ordinal);
        await host.RegisterPartyAsync(new { key = party, name = $"Live overdue body {party}", kind = "Agency" });
        var meeting = LedgerData.UniqueCode("LVO");
        await host.RecordMeetingAsync(meeting, "The agency will open a regional office by 1 December 2023.");
        var code = await host.CaptureAsync(meeting, "The agency will open a regional office by 1 December 2023.", "Open a regional office", "Pledge",
            due: "by 1 December 2023", responsibilities: [new { party, role = "Lead" }]);

        await using var manager = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = manager.Page;
        await manager.GotoAsync($"/overdue?party={party}");
        await Expect(page.GetByText("1 overdue", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-live=\"watching\"]")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record status" }).ClickAsync();
        var rationale = page.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" });
        await rationale.FillAsync("Half-written: the office is late.");

        await host.RecordStatusAsync(code, "Fulfilled", "The office opened on 2 December 2023.");

        // The form stays with what was typed; the page says the list is out of date and offers the refresh.
        var note = page.GetByTestId("live-note");
        await Expect(note).ToContainTextAsync("The overdue list changed elsewhere. It refreshes when you close or save this form.");
        await Expect(rationale).ToHaveValueAsync("Half-written: the office is late.");
        await manager.AssertNoSeriousAxeViolationsAsync();

        await note.GetByRole(AriaRole.Button, new() { Name = "Refresh now" }).ClickAsync();
        await Expect(page.GetByText("Nothing is overdue for these filters.")).ToBeVisibleAsync();
        // "Refreshed: 1 → 0 overdue.", or "Updated at …: 1 → 0 overdue." when a check of the ledger began during the refresh.
        await Expect(note).ToContainTextAsync("1 → 0 overdue.");
        manager.ConsoleErrors.ShouldBeEmpty();
    }
}
