using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 14, item 2, in the meeting page: a new meeting date is previewed (which due windows move, old and new)
/// before it is made; a move later is a manager's decision, so an analyst is told so and cannot apply it, and a
/// manager can. Works on a meeting of its own (created over the API) so no other test's figures change.
/// </summary>
public sealed class MeetingDateChangeTests(HostProcess host, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_previews_a_later_date_and_leaves_it_to_a_manager_who_makes_it()
    {
        var meeting = LedgerData.UniqueCode("MDC");
        const string text = "The sides agreed to open a joint trade house next year.";
        await host.RecordMeetingAsync(meeting, text, "Talks on a trade house", "2024-03-01");
        var commitment = await host.CaptureAsync(meeting, text, "Open a joint trade house", "Hub", due: "next year");

        await using (var analyst = await browser.NewSessionAsync(host, Accounts.Analyst))
        {
            var page = analyst.Page;
            await analyst.GotoAsync($"/meetings/{meeting}");

            // A mistyped year is named next to the field and previews nothing (decision 0137).
            await page.GetByRole(AriaRole.Textbox, new() { Name = "New date" }).FillAsync("2205-03-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview the change" }).ClickAsync();
            await Expect(page.GetByText("'Date' 2205-03-01 is after today")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = commitment })).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Textbox, new() { Name = "New date" }).FillAsync("2026-03-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview the change" }).ClickAsync();

            var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = commitment });
            await Expect(row).ToContainTextAsync("next year");
            await Expect(row).ToContainTextAsync("2025-01-01 – 2025-12-31");
            await Expect(row).ToContainTextAsync("2027-01-01 – 2027-12-31 (later)");
            await Expect(page.GetByText("This moves deadlines later: that is a manager's decision.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Change the date" })).ToBeDisabledAsync();
            await analyst.ScreenshotAsync("meeting-date-change-preview");
            // The commitments card's buttons wrap inside it rather than run past its edge (they did at 1366 px).
            var card = MudUi.Card(page, "Commitments (1)");
            var cardBox = (await card.BoundingBoxAsync())!;
            var captureBox = (await card.GetByRole(AriaRole.Link, new() { Name = "Capture" }).BoundingBoxAsync())!;
            (captureBox.X + captureBox.Width).ShouldBeLessThanOrEqualTo(cardBox.X + cardBox.Width, "Capture runs past the card's edge");
            await analyst.AssertNoSeriousAxeViolationsAsync();
        }

        (await host.CommitmentAsync(commitment)).GetProperty("due").GetProperty("latest").GetString().ShouldBe("2025-12-31", "the analyst's preview changed nothing");

        await using (var manager = await browser.NewSessionAsync(host, Accounts.Manager))
        {
            var page = manager.Page;
            await manager.GotoAsync($"/meetings/{meeting}");
            await page.GetByRole(AriaRole.Textbox, new() { Name = "New date" }).FillAsync("2026-03-01");
            await page.GetByRole(AriaRole.Button, new() { Name = "Preview the change" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Change the date" }).ClickAsync();
            await Expect(page.GetByText($"{meeting} · 1 March 2026")).ToBeVisibleAsync();
            manager.ConsoleErrors.ShouldBeEmpty();
        }

        (await host.CommitmentAsync(commitment)).GetProperty("due").GetProperty("latest").GetString().ShouldBe("2027-12-31");
    }


}
