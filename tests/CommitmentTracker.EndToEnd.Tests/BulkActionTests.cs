using System.Text.Json;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 9: bulk actions on selected grid rows. An analyst selects every row of a meeting's page; a status
/// one row cannot take is refused for all, naming that row, and nothing changes; a tag is then added to all of them.
/// </summary>
public sealed class BulkActionTests(HostProcess host, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_changes_the_selected_rows_all_or_nothing()
    {
        var meeting = LedgerData.UniqueCode("BLK");
        await host.RecordMeetingAsync(meeting, "We agreed to hold a joint trade fair. There are plenty of directions for cooperation.");
        var open = await host.CaptureAsync(meeting, "We agreed to hold a joint trade fair.", "Hold a joint trade fair", "CulturalEvent");
        var closed = await host.CaptureAsync(meeting, "There are plenty of directions for cooperation.", "Find directions of cooperation", "Cooperation");
        await host.RecordStatusAsync(closed, "Fulfilled", "Done at the next meeting.");

        await using var session = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = session.Page;
        await session.GotoAsync($"/commitments?meeting={meeting}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = closed, Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select all on this page" }).CheckAsync();
        await Expect(page.GetByTestId("selected-count")).ToHaveTextAsync("2 selected");
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {open}" })).ToBeCheckedAsync();

        // Stalled cannot follow Fulfilled: the whole action is refused, the message names the closed row.
        await MudUi.SelectAsync(page, "New status", "Stalled");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" }).FillAsync("Financing stopped.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to 2 selected" }).ClickAsync();
        await Expect(page.GetByTestId("bulk-error")).ToContainTextAsync($"Nothing was changed: 1 of 2 selected commitments refuse this ({closed})");
        await session.AssertNoSeriousAxeViolationsAsync();
        await session.ScreenshotAsync("bulk-refused");
        (await StatusOfAsync(open)).ShouldBe("Captured", "the row that passed was not saved either");

        await MudUi.SelectAsync(page, "Action", "Add a tag");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Tag to add" }).FillAsync("fair");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply to 2 selected" }).ClickAsync();
        await Expect(page.GetByTestId("bulk-done")).ToHaveTextAsync("2 of 2 selected commitments changed.");
        await Expect(page.GetByTestId("selected-count")).ToHaveCountAsync(0);
        foreach (var code in new[] { open, closed })
        {
            (await TagsOfAsync(code)).ShouldContain("fair");
        }

        session.ConsoleErrors.ShouldBeEmpty();
    }

    private async Task<JsonElement> ReadAsync(string code)
    {
        using var client = host.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/commitments/{code}", UriKind.Relative), Ct)).RootElement.Clone();
    }

    private async Task<string> StatusOfAsync(string code) => (await ReadAsync(code)).GetProperty("status").GetString()!;

    private async Task<string[]> TagsOfAsync(string code) => [.. (await ReadAsync(code)).GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)];
}
