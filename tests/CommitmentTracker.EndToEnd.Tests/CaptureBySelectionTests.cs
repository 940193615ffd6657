using System.Text.Json;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 9: an analyst captures a commitment by selecting its words in the meeting record with the mouse; the
/// capture form opens with exactly those words as the quote (at their offsets in the stored
/// record, which the server checks) and the title taken from them. Works on a meeting of its own (SEL-…).
/// </summary>
public sealed class CaptureBySelectionTests(HostProcess host, BrowserFixture browser)
{
    private const string Passage = "The sides agreed to hold a joint trade fair in Minsk in spring 2025.";
    private const string Record = "Talks in Minsk, 10 October 2023.\r\nOpening remarks were exchanged.\r\n" + Passage + "\r\nClosing words followed.";

    [Fact]
    public async Task Words_selected_with_the_mouse_become_the_quote_and_the_title()
    {
        var meeting = LedgerData.UniqueCode("SEL");
        await host.RecordMeetingAsync(meeting, Record);
        await using var analyst = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = analyst.Page;
        await analyst.GotoAsync($"/meetings/{meeting}");
        var capture = page.GetByRole(AriaRole.Button, new() { Name = "Capture as commitment" });
        await Expect(capture).ToBeDisabledAsync();

        // A real drag: from the left half of the passage's first letter to the right half of its last.
        var box = await page.EvaluateAsync<JsonElement>(
            """
            passage => {
                const run = [...document.querySelectorAll('[role=region] [data-at]')].find(r => r.textContent.includes(passage));
                run.scrollIntoView({ block: 'center' });
                const node = run.firstChild, at = node.data.indexOf(passage), range = document.createRange();
                range.setStart(node, at); range.setEnd(node, at + 1);
                const first = range.getBoundingClientRect();
                range.setStart(node, at + passage.length - 1); range.setEnd(node, at + passage.length);
                const last = range.getBoundingClientRect();
                return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
            }
            """, Passage);
        await page.Mouse.MoveAsync(box.GetProperty("x1").GetSingle(), box.GetProperty("y1").GetSingle());
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.GetProperty("x2").GetSingle(), box.GetProperty("y2").GetSingle(), new() { Steps = 8 });
        await page.Mouse.UpAsync();

        await Expect(page.GetByTestId("selection-status")).ToContainTextAsync($"Selected {Passage.Length} characters");
        await Expect(capture).ToBeEnabledAsync();
        await analyst.AssertNoSeriousAxeViolationsAsync();
        await analyst.ScreenshotAsync("capture-from-selection");
        await capture.ClickAsync();

        await CompleteAndCheckAsync(analyst, meeting, "The sides agreed to hold a joint trade fair in Minsk in spring 2025");
    }

    // The meeting comes chosen from the page the words were selected on; the analyst names the issuer and captures.
    private async Task CompleteAndCheckAsync(PageSession analyst, string meeting, string expectedTitle)
    {
        var page = analyst.Page;
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/commitments/new\\?"));
        var quote = page.GetByRole(AriaRole.Textbox, new() { Name = "Quote: the exact words from the meeting record" });
        await Expect(quote).ToHaveValueAsync(Passage);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Title" })).ToHaveValueAsync(expectedTitle);
        await MudUi.SelectAsync(page, "Issuer", "BY · Republic of Belarus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Capture", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/commitments/{meeting}-\\d+$"));
        var code = new Uri(page.Url).Segments[^1];
        var span = (await host.CommitmentAsync(code)).GetProperty("spans")[0];
        span.GetProperty("quote").GetString().ShouldBe(Passage);
        span.GetProperty("start").GetInt32().ShouldBe(Record.IndexOf(Passage, StringComparison.Ordinal));
        span.GetProperty("end").GetInt32().ShouldBe(Record.IndexOf(Passage, StringComparison.Ordinal) + Passage.Length);
        analyst.ConsoleErrors.ShouldBeEmpty();
    }
}
