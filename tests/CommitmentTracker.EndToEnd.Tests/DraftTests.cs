using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 8: when the server restarts, Blazor reloads the page with a new circuit and empty forms. The reload is
/// what the person sees, so the test reloads the page in the same tab: the rationale typed before it is back, is
/// recorded with the entry, and is gone once the entry is saved. Works on a commitment of its own.
/// </summary>
public sealed class DraftTests(HostProcess host, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rationale_typed_before_the_page_reloads_is_kept_and_recorded()
    {
        var code = await host.CaptureOnNewMeetingAsync("DRF", "The sides agreed to open a joint design bureau.", "Open a joint design bureau", "Cooperation");
        var rationale = $"The partner has not answered since March ({Guid.NewGuid():N}).";

        await using var analyst = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = analyst.Page;
        await analyst.GotoAsync($"/commitments/{code}");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a status entry" });
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" }).FillAsync(rationale);

        await analyst.GotoAsync($"/commitments/{code}");
        var restored = form.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" });
        await Expect(restored).ToHaveValueAsync(rationale);
        await analyst.ScreenshotAsync("draft-restored");

        await MudUi.SelectAsync(page, "Status", "Stalled");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record status" }).ClickAsync();
        await Expect(page.GetByText("Recorded Stalled.")).ToBeVisibleAsync();
        await Expect(MudUi.Card(page, "Status timeline").Locator("[data-entry]").First).ToContainTextAsync(rationale);
        (await host.CommitmentAsync(code)).GetProperty("latestEntry").GetProperty("rationale").GetString().ShouldBe(rationale, "the restored text reached the circuit, not only the screen");

        // Saved, so forgotten: the next visit starts with an empty form.
        await analyst.GotoAsync($"/commitments/{code}");
        await Expect(form.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" })).ToBeEmptyAsync();
        analyst.ConsoleErrors.ShouldBeEmpty();
    }


}
