using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, items 7 and 9: an analyst captures a commitment by selecting its words in the meeting record with the
/// mouse, or sentence by sentence with the keyboard alone; the capture form opens with exactly those words as the
/// quote (at their offsets in the stored record, which the server checks) and the title taken from them. The keyboard
/// journey goes on to record a status, choosing Stalled (not the option offered first), still without the mouse.
/// Works on meetings of its own (SEL-…).
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

        // A real drag, as a person selects.
        await RecordDrag.SelectAsync(page, Passage);

        await Expect(page.GetByTestId("selection-status")).ToContainTextAsync($"Selected {Passage.Length} characters");
        await Expect(capture).ToBeEnabledAsync();
        await analyst.AssertNoSeriousAxeViolationsAsync();
        await analyst.ScreenshotAsync("capture-from-selection");
        await capture.ClickAsync();

        await CompleteAndCheckAsync(analyst, meeting, "The sides agreed to hold a joint trade fair in Minsk in spring 2025");
    }

    [Fact]
    public async Task From_the_keyboard_alone_a_sentence_is_captured_and_its_status_recorded()
    {
        var meeting = LedgerData.UniqueCode("SEL");
        await host.RecordMeetingAsync(meeting, Record);
        await using var analyst = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = analyst.Page;
        await analyst.GotoAsync($"/meetings/{meeting}");

        // Tab to the keyboard mode and turn it on; one more Tab enters the sentences, the arrow keys move among them.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Select with the keyboard" }));
        await page.Keyboard.PressAsync("Enter");
        var sentences = page.GetByRole(AriaRole.Toolbar, new() { Name = $"Meeting record of {meeting}, sentence by sentence" });
        await Expect(sentences).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(sentences.GetByRole(AriaRole.Button, new() { Name = "Talks in Minsk, 10 October 2023." })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        var passage = sentences.GetByRole(AriaRole.Button, new() { Name = Passage });
        await Expect(passage).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(passage).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByTestId("selection-status")).ToContainTextAsync($"Selected {Passage.Length} characters");

        // Shift and an arrow key extend the choice; pressing the first sentence again takes it back to that one.
        await page.Keyboard.PressAsync("Shift+ArrowDown");
        await Expect(page.GetByTestId("selection-status")).ToContainTextAsync($"Selected {Passage.Length + 2 + "Closing words followed.".Length} characters");
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("selection-status")).ToContainTextAsync($"Selected {Passage.Length} characters");
        await analyst.AssertNoSeriousAxeViolationsAsync();
        await analyst.ScreenshotAsync("capture-from-selection-keyboard");

        // Out of the sentences (one Tab stop) back to Capture as commitment.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Capture as commitment" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // The capture form: the issuer is found from the keyboard (typing part of a name lists the parties that have it,
        // the first shown is active, Enter takes it), then Capture.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/commitments/new\\?"));
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Quote: the exact words from the meeting record" })).ToHaveValueAsync(Passage);
        var issuer = page.GetByRole(AriaRole.Combobox, new() { Name = "Issuer", Exact = true });
        await TabToAsync(page, issuer);
        await page.Keyboard.TypeAsync("Republic of Bel");
        await Expect(page.GetByRole(AriaRole.Option).First).ToHaveTextAsync("BY · Republic of Belarus");
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "Republic of Tatarstan" })).ToHaveCountAsync(0); // only names that hold the text
        await page.Keyboard.PressAsync("Enter");
        await Expect(issuer).ToHaveValueAsync("BY · Republic of Belarus");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Capture", Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/commitments/{meeting}-\\d+$"));
        var code = new Uri(page.Url).Segments[^1];
        (await host.CommitmentAsync(code)).GetProperty("issuerKey").GetString().ShouldBe("BY");

        // Record a status from the keyboard. The form offers the next step (Confirmed) first; the analyst chooses
        // Stalled, the third option: Enter opens the list on the chosen option, ArrowDown moves one option on
        // (In progress, then Stalled), Enter takes it. Then the rationale Stalled requires is typed.
        var status = page.GetByRole(AriaRole.Combobox, new() { Name = "Status", Exact = true });
        await TabToAsync(page, status);
        await Expect(status).ToHaveTextAsync("Confirmed");
        await MudUi.ChooseWithKeysAsync(page, status, "Stalled");
        await Expect(status).ToHaveTextAsync("Stalled");
        await TabToAsync(page, page.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" }));
        await page.Keyboard.TypeAsync("The fair is on hold until the venue is agreed.");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Record status" }));
        await page.Keyboard.PressAsync("Enter");

        var entry = MudUi.Card(page, "Status timeline").Locator("[data-entry]").First;
        await Expect(entry).ToContainTextAsync("The fair is on hold until the venue is agreed.");
        await Expect(entry).ToContainTextAsync("Stalled");
        var saved = await host.CommitmentAsync(code);
        saved.GetProperty("status").GetString().ShouldBe("Stalled");
        analyst.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Presses Tab until <paramref name="target"/> (or something inside it) has the focus: the keyboard's way there.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 150; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"150 presses of Tab did not reach {target}.");
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
