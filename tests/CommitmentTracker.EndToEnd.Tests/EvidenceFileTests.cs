using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 9: an analyst attaches the minutes to the status they record; the timeline lists the file with its
/// size and downloads it byte for byte; a file that is not an accepted kind is refused next to the field and nothing
/// is recorded. Works on a commitment of its own (EVD-…).
/// </summary>
public sealed class EvidenceFileTests(HostProcess host, BrowserFixture browser)
{
    private static readonly byte[] Minutes = Encoding.ASCII.GetBytes("%PDF-1.7\n% minutes of the joint commission, 28 November 2024\n%%EOF\n");

    [Fact]
    public async Task An_analyst_attaches_the_minutes_to_a_status_and_downloads_them_from_the_timeline()
    {
        var code = await host.CaptureOnNewMeetingAsync("EVD", "The sides agreed to open a joint trade house in Minsk.", "Open a joint trade house in Minsk", "Hub");
        await using var analyst = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = analyst.Page;
        await analyst.GotoAsync($"/commitments/{code}");
        var timeline = MudUi.Card(page, "Status timeline").Locator("[data-entry]");
        await Expect(timeline).ToHaveCountAsync(1);
        var files = page.GetByLabel("Evidence files (optional)");

        // A program renamed .pdf is refused by its content, next to the field; nothing is recorded.
        await MudUi.SelectAsync(page, "Status", "In progress");
        await BlazorFile.UploadAsync(files, new FilePayload { Name = "minutes.pdf", MimeType = "application/pdf", Buffer = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00] });
        await page.GetByRole(AriaRole.Button, new() { Name = "Record status" }).ClickAsync();
        await Expect(page.GetByTestId("evidence-error")).ToHaveTextAsync(new Regex("^The file 'minutes.pdf' is not a kind accepted as evidence"));
        await Expect(timeline).ToHaveCountAsync(1);
        await analyst.AssertNoSeriousAxeViolationsAsync();

        await BlazorFile.UploadAsync(files, new FilePayload { Name = "minutes.pdf", MimeType = "application/pdf", Buffer = Minutes });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" }).FillAsync("The minutes record the first shipment.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record status" }).ClickAsync();

        await Expect(timeline).ToHaveCountAsync(2);
        var link = timeline.First.GetByRole(AriaRole.Link, new() { Name = "minutes.pdf" });
        await Expect(link).ToBeVisibleAsync();
        await Expect(timeline.First.Locator("[data-evidence]")).ToContainTextAsync($"minutes.pdf · {Minutes.Length} bytes");
        await Expect(page.GetByTestId("evidence-error")).ToHaveCountAsync(0);
        await analyst.AssertNoSeriousAxeViolationsAsync();
        await analyst.ScreenshotAsync("evidence-files");

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldBe("minutes.pdf");
        var saved = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        saved.ShouldBe(Minutes);

        // The hash the API lists for the file is the hash of what was downloaded.
        var history = await host.ReadJsonAsync($"/api/v1/commitments/{code}/status-history");
        var stored = history.EnumerateArray().Last().GetProperty("evidenceFiles").EnumerateArray().Single();
        stored.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(saved)));
        analyst.ConsoleErrors.ShouldBeEmpty();
    }
}
