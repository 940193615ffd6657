using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static CommitmentTracker.EndToEnd.Tests.Infrastructure.Viewport;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 7, on a phone (390 px wide): the account links are reachable from the menu, the overdue row's
/// Record status is on screen without scrolling sideways, recording a status says so in one toast that does not follow
/// the person to the next page, and the keyboard works the pages (shortcuts, a visible focus ring on grid links, a
/// typed date confirmed with Enter).
/// Works on a party, meeting and overdue commitment of its own, so the seed figures other tests read do not change.
/// </summary>
public sealed class PhoneWidthTests(HostProcess host, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_on_a_phone_records_a_stalled_overdue_item_and_finds_the_account_links()
    {
        var (party, code) = await OverdueCommitmentAsync();

        await using var analyst = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = analyst.Page;
        await page.SetViewportSizeAsync(390, 844);

        await analyst.GotoAsync($"/overdue?party={party}");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = code }) });
        var record = row.GetByRole(AriaRole.Button, new() { Name = "Record status" });
        await Expect(record).ToBeVisibleAsync();
        await ExpectFitsAsync(page, record, "the row's Record status");
        await ExpectNoSidewaysScrollAsync(page);

        await record.ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a status entry" });
        await MudUi.SelectAsync(page, "Status", "Stalled");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" }).FillAsync("No date was agreed for the fair.");
        await ExpectFitsAsync(page, form.GetByRole(AriaRole.Button, new() { Name = "Record status" }), "the form's Record status");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record status" }).ClickAsync();

        var toast = page.Locator(".mud-snackbar");
        await Expect(toast).ToHaveCountAsync(1);
        await Expect(toast).ToContainTextAsync($"Recorded Stalled for {code}.");
        await ExpectFitsAsync(page, toast, "the toast");
        await ExpectNoSidewaysScrollAsync(page);
        await analyst.ScreenshotAsync("overdue-narrow");
        (await host.CommitmentAsync(code)).GetProperty("status").GetString().ShouldBe("Stalled");

        // The account links live in the menu on a phone; the toast stays behind on the page it was about.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await ExpectMenuSettledClosedAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        var account = page.GetByRole(AriaRole.Group, new() { Name = "Your account" });
        await ExpectFitsAsync(page, account.GetByRole(AriaRole.Link, new() { Name = "Change password" }), "Change password");
        await ExpectFitsAsync(page, account.GetByRole(AriaRole.Button, new() { Name = "Sign out" }), "Sign out");
        await analyst.AssertNoSeriousAxeViolationsAsync();
        await page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "Commitments", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/commitments$"));
        await Expect(toast).ToHaveCountAsync(0);
        await ExpectNoSidewaysScrollAsync(page);

        await analyst.GotoAsync($"/commitments/{code}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = code, Level = 1 })).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollAsync(page);
        analyst.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_keyboard_reaches_search_and_pages_and_shows_where_it_is()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = session.Page;

        await session.GotoAsync("/");
        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("c");
        await Expect(page).ToHaveURLAsync(new Regex("/commitments$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Commitments", Level = 1 })).ToBeVisibleAsync();
        // The page is done loading when its rows are there: a key pressed before that can land while the filters render
        // again (noted, issue 13).
        await Expect(page.Locator(".mud-data-grid tbody").GetByRole(AriaRole.Row).First).ToBeVisibleAsync();
        // The navigation's own focus move (FocusOnNavigate, to the page's heading) is a round trip of the circuit: under
        // lag it landed after "/" and took the focus from the search box once in CI (seed 804862930).
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Commitments", Level = 1 })).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("/");
        var search = page.GetByRole(AriaRole.Textbox, new() { Name = "Search code, title, summary" });
        await Expect(search).ToBeFocusedAsync();
        // Typed into the field, "g" then "o" is text, not a shortcut. Each key waits for the search it starts to reach
        // the URL: on a loaded machine a key typed during that round trip can be overwritten by it (noted, issue 13).
        await page.Keyboard.PressAsync("g");
        try
        {
            await Expect(page).ToHaveURLAsync(new Regex("/commitments[?]q=g$"));
        }
        catch (PlaywrightException missed)
        {
            // Seen once in CI (seed 62660964): the field empty, the address unchanged, a live refresh of the grid at
            // about that time. Where the key went decides what to fix next, so the failure says it.
            var where = await page.EvaluateAsync<string>(
                "() => `focus on ${document.activeElement?.outerHTML.slice(0, 160)}; the field holds '${document.querySelector('input[data-shortcut=\"search\"]')?.value}'`");
            throw new PlaywrightException($"The typed 'g' did not become the search ({where}).", missed);
        }
        await Expect(search).ToHaveValueAsync("g");
        // Known race, left open in issue 13: the grid's re-render after a search can take focus from the field under
        // lag. This test is about keys and shortcuts, so it puts the caret back as a person would.
        await search.FocusAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("o");
        await Expect(search).ToHaveValueAsync("go");
        await Expect(page).ToHaveURLAsync(new Regex("/commitments[?]q=go$"));

        // A link focused from the keyboard is outlined.
        await search.FillAsync("NSK-2023-001");
        // Wait for the filtered grid: focusing a row of the page before it would lose focus when the rows are replaced.
        await Expect(page).ToHaveURLAsync(new Regex("[?&]q=NSK-2023-001(&|$)"));
        await Expect(page.Locator(".mud-data-grid tbody").GetByRole(AriaRole.Row)).ToHaveCountAsync(1);
        var link = page.GetByRole(AriaRole.Link, new() { Name = "NSK-2023-001", Exact = true });
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(link).ToBeFocusedAsync();
        var outline = await link.EvaluateAsync<string>("a => getComputedStyle(a).outlineStyle + ' ' + getComputedStyle(a).outlineWidth");
        outline.ShouldBe("solid 3px");
    }

    [Fact]
    public async Task A_date_typed_and_confirmed_with_Enter_counts_on_the_dashboard_and_in_the_grid_and_leaves_no_calendar_open()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;
        var calendar = page.Locator(".mud-picker-calendar-container");

        // Enter in the field confirms the typed day; it does not open the calendar over the figures.
        await session.GotoAsync("/");
        await Expect(page.Locator("[data-as-of]")).ToBeVisibleAsync();
        var asOf = page.GetByRole(AriaRole.Textbox, new() { Name = "As of" });
        await asOf.ClickAsync();
        await asOf.FillAsync("2024-06-01");
        await asOf.PressAsync("Enter");
        await Expect(page.Locator("[data-as-of]")).ToContainTextAsync("1 June 2024");
        await Expect(page).ToHaveURLAsync(new Regex("[?&]asOf=2024-06-01(&|$)"));
        await Expect(calendar).ToHaveCountAsync(0);

        await session.GotoAsync("/commitments");
        await Expect(page.Locator(".mud-data-grid tbody").GetByRole(AriaRole.Row).First).ToBeVisibleAsync();
        var dueFrom = page.GetByRole(AriaRole.Textbox, new() { Name = "Due from" });
        await dueFrom.FillAsync("2024-01-01");
        await dueFrom.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("[?&]dueFrom=2024-01-01(&|$)"));
        await Expect(dueFrom).ToHaveValueAsync("2024-01-01");
        await Expect(calendar).ToHaveCountAsync(0);

        // With the calendar open, the person goes back to the field, types the day and confirms it with Enter: the
        // typed day counts (not the calendar's) and the calendar closes.
        var dueTo = page.GetByRole(AriaRole.Textbox, new() { Name = "Due to" });
        await MudUi.ControlOf(dueTo).Locator("button").First.ClickAsync();
        await Expect(calendar).ToBeVisibleAsync();
        await dueTo.FocusAsync();
        await dueTo.FillAsync("2024-12-31");
        await dueTo.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("[?&]dueTo=2024-12-31(&|$)"));
        await Expect(calendar).ToHaveCountAsync(0);
        await Expect(dueTo).ToHaveValueAsync("2024-12-31");
        await Expect(page).ToHaveURLAsync(new Regex("[?&]dueFrom=2024-01-01(&|$)"));
        session.ConsoleErrors.ShouldBeEmpty();
    }

    private async Task<(string Party, string Code)> OverdueCommitmentAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var party = $"PH-{suffix}";
        var meeting = $"PHN-{suffix}";
        await host.RegisterPartyAsync(new { key = party, name = $"Phone test body {suffix}", kind = "Agency" });
        const string text = "The sides agreed to hold a joint fair in spring 2024.";
        await host.RecordMeetingAsync(meeting, text, "Talks on a fair");
        // Not a cultural event: other tests expect exactly the seeded ones under that kind.
        var code = await host.CaptureAsync(meeting, text, "Hold a joint fair", "Cooperation", "spring 2024", [new { party, role = "Lead" }]);
        return (party, code);
    }

}
