using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13: an analyst who uses only the keyboard pastes part of a real meeting record (the Krasnodar seed), steps
/// through the proposals with j and k, accepts one, opens what was captured and records a status on it. No click: only
/// Tab, Enter, the arrow keys, typing, a paste, and the app's shortcuts. At each stop the focus is asserted where a
/// person expects it, and a focused link or button shows its ring. Each key press is a counted step.
/// </summary>
public sealed class KeyboardJourneyTests(HostProcess host, BrowserFixture browser)
{
    [Fact]
    public async Task An_analyst_imports_reviews_accepts_and_records_a_status_with_the_keyboard_alone()
    {
        var code = "KBD-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var seed = await File.ReadAllLinesAsync(Path.Combine(Repository.Seeds, "2023-09-19-krasnodar-territory.txt"), TestContext.Current.CancellationToken);
        // The passage where the President offers a hub and service; the code makes the text one nobody imported yet.
        var record = string.Join("\n", seed.Where(l => l.Contains("We want to set up a certain hub", StringComparison.Ordinal)
            || l.Contains("Belarus is ready to help in this regard", StringComparison.Ordinal))) + $"\nRecord {code}.";
        record.ShouldContain("hub");

        await using var session = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = session.Page;
        var steps = 0;

        async Task PressAsync(string key)
        {
            await page.Keyboard.PressAsync(key);
            steps++;
        }

        async Task TypeAsync(string text)
        {
            await page.Keyboard.TypeAsync(text);
            steps++;
        }

        // Tab until the target has the focus (each Tab a step); fails if it takes more than max.
        async Task TabToAsync(ILocator target, string what, int max = 30)
        {
            for (var presses = 0; presses < max; presses++)
            {
                if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
                {
                    return;
                }

                await PressAsync("Tab");
            }

            await Expect(target).ToBeFocusedAsync(new() { Timeout = 1_000 });
            Assert.Fail($"{what} was not reached with {max} presses of Tab");
        }

        async Task ExpectRingAsync(ILocator focused)
        {
            await Expect(focused).ToBeFocusedAsync();
            var outline = await focused.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
            outline.ShouldBe("solid 3px", "a control focused from the keyboard shows its ring");
        }

        await session.GotoAsync("/");
        steps++;

        // g then i: the import page, with the focus on its heading, so the next Tab is its first field.
        await PressAsync("g");
        await PressAsync("i");
        await Expect(page).ToHaveURLAsync(new Regex("/import$"));
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Import a meeting record", Level = 1 });
        await Expect(heading).ToBeFocusedAsync();

        var codeField = page.GetByRole(AriaRole.Textbox, new() { Name = "Code" });
        await PressAsync("Tab");
        await Expect(codeField).ToBeFocusedAsync();
        await TypeAsync(code);
        await PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Title" })).ToBeFocusedAsync();
        await TypeAsync("Meeting with the Governor of Krasnodar Territory");
        var date = page.GetByRole(AriaRole.Textbox, new() { Name = "Meeting date" });
        await TabToAsync(date, "Meeting date");
        await TypeAsync("2023-09-19");
        var place = page.GetByRole(AriaRole.Textbox, new() { Name = "Place" });
        await TabToAsync(place, "Place");
        await TypeAsync("Minsk");

        // The record is pasted into its field.
        var text = page.GetByRole(AriaRole.Textbox, new() { Name = "Text of the record" });
        await TabToAsync(text, "Text of the record");

        // Tabbing passed the party pickers, whose lists close after a round trip to the server. A CI run pasted while one
        // was still closing and the field ended empty (the cause was not reproduced here): paste once every list has
        // closed and the field still has the focus.
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Expect(text).ToBeFocusedAsync();
        await page.Keyboard.InsertTextAsync(record);
        steps++;
        await Expect(text).ToHaveValueAsync(record);

        var import = page.GetByRole(AriaRole.Button, new() { Name = "Import and propose commitments" });
        await TabToAsync(import, "Import and propose commitments");
        await ExpectRingAsync(import);
        await PressAsync("Enter");

        // The review: j moves through the proposals, k back, each shown with its ring.
        await Expect(page).ToHaveURLAsync(new Regex($"/meetings/{code}/review$"));
        var proposals = page.Locator("[data-proposal]");
        await Expect(proposals.First).ToBeVisibleAsync();
        (await proposals.CountAsync()).ShouldBeGreaterThanOrEqualTo(2, "the passage holds a hub and an offer of service");
        // The review reads the sentences worth a look after drawing the proposals, and redraws the record with them: once
        // (a CI run, 2026-12-07) the proposal k had just focused showed no ring, as if that late redraw had taken the focus.
        // The keys are pressed once the page has said it finished reading.
        await Expect(page.GetByText("Looking for sentences worth a look…")).ToHaveCountAsync(0);
        await PressAsync("j");
        await Expect(proposals.First).ToBeFocusedAsync();
        await PressAsync("j");
        await Expect(proposals.Nth(1)).ToBeFocusedAsync();
        await PressAsync("k");
        var chosen = proposals.First;
        await ExpectRingAsync(chosen);

        // Tab goes into that proposal; its Accept (the first button with a plain Accept) takes Enter.
        var accept = chosen.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Accept|Complete, then accept): ") });
        await TabToAsync(accept, "the proposal's Accept", max: 10);
        await ExpectRingAsync(accept);
        var completing = (await accept.GetAttributeAsync("aria-label"))!.StartsWith("Complete", StringComparison.Ordinal);
        await PressAsync("Enter");
        if (completing)
        {
            // The proposal lacks a piece (the issuer, say): the form opens and its Accept is reached with Tab.
            var formAccept = chosen.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true });
            await TabToAsync(formAccept, "the form's Accept", max: 25);
            await PressAsync("Enter");
        }

        // Accepted: the focus is on the link that replaced the buttons, not thrown back to the top of the page.
        await Expect(chosen.GetByText("Accepted", new() { Exact = true })).ToBeVisibleAsync();
        var open = chosen.GetByRole(AriaRole.Link, new() { Name = "Open the commitment" });
        await ExpectRingAsync(open);
        await PressAsync("Enter");

        // The commitment: the heading has the focus; the next Tab is "Record a status", which puts the focus in the
        // status form's first field (it sits after the record: some twenty Tabs away otherwise).
        var commitment = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"^{code}-\\d{{3}}$"), Level = 1 });
        await Expect(commitment).ToBeFocusedAsync();
        var captured = (await commitment.InnerTextAsync()).Trim();
        var toForm = page.GetByRole(AriaRole.Link, new() { Name = "Record a status", Exact = true });
        await TabToAsync(toForm, "Record a status", max: 2);
        await ExpectRingAsync(toForm);
        await PressAsync("Enter");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a status entry" });
        var status = form.GetByRole(AriaRole.Combobox, new() { Name = "Status", Exact = true });
        await Expect(status).ToBeFocusedAsync();

        // The list opens with the arrow key; the arrows move and Enter picks.
        await MudUi.ChooseWithKeysAsync(page, status, "Stalled", openKey: "ArrowDown", press: PressAsync);
        await Expect(form.Locator("input").First).ToHaveValueAsync("Stalled");

        var rationale = form.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" });
        await TabToAsync(rationale, "Rationale", max: 12);
        await TypeAsync("No site for the hub has been named yet.");
        var record2 = form.GetByRole(AriaRole.Button, new() { Name = "Record status" });
        await TabToAsync(record2, "Record status", max: 15);
        await ExpectRingAsync(record2);
        await PressAsync("Enter");

        await Expect(page.GetByText("Recorded Stalled.")).ToBeVisibleAsync();
        await Expect(MudUi.Card(page, "Status timeline").Locator("[data-entry]").First).ToContainTextAsync("No site for the hub has been named yet.");
        (await host.CommitmentAsync(captured)).GetProperty("status").GetString().ShouldBe("Stalled");

        TestContext.Current.TestOutputHelper?.WriteLine($"Keyboard-only analyst journey: {steps} key presses, typings and pastes (no pointer)");
        session.ConsoleErrors.ShouldBeEmpty();
    }
}
