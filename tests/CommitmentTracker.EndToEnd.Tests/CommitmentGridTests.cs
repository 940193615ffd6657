using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 1: what is coming due. Due, Status and Code sort; sort and page live in the URL (a reload or a
/// shared link shows the same rows); a due-date range filters; a page can be jumped to; the dashboard's "due in"
/// cards open the grid so filtered; the CSV export holds the grid as the user sees it. Reads the Krasnodar meeting's
/// seeded commitments, which no browser test captures into, and compares with the API's own answer for the same query.
/// </summary>
public sealed partial class CommitmentGridTests(HostProcess host, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Due_status_and_code_sort_and_the_sort_the_page_and_the_due_range_live_in_the_url()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;
        await session.GotoAsync("/commitments?meeting=KRD-2023");
        // Other tests may capture into this meeting too: the grid is compared with the API, not with a count.
        await ExpectOrderAsync(page, "meeting=KRD-2023");

        // Each sort control says which column it sorts: a screen reader heard a row of buttons all named "Sort".
        var headerButtons = page.Locator(".mud-data-grid thead").GetByRole(AriaRole.Button);
        await Expect(SortButton(page, "Due")).ToHaveAccessibleNameAsync("Sort by Due");
        var names = await headerButtons.EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.getAttribute('aria-label') || b.textContent.trim())");
        names.Length.ShouldBeGreaterThanOrEqualTo(3);
        names.ShouldBeUnique();
        names.ShouldAllBe(name => name.StartsWith("Sort by ", StringComparison.Ordinal));

        foreach (var (column, key) in new[] { ("Due", "due"), ("Status", "status"), ("Code", "code") })
        {
            await SortButton(page, column).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"[?&]sort={key}(&|$)"));
            await ExpectOrderAsync(page, $"meeting=KRD-2023&sort={key}");
            await SortButton(page, column).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"[?&]sort=-{key}(&|$)"));
            await ExpectOrderAsync(page, $"meeting=KRD-2023&sort=-{key}");
        }

        // The link is the view: opened afresh, it shows the same rows in the same order.
        await session.GotoAsync("/commitments?meeting=KRD-2023&sort=-due");
        await ExpectOrderAsync(page, "meeting=KRD-2023&sort=-due");
        await session.ScreenshotAsync("commitments-sorted-by-due");

        // A due-date range, kept with the sort: of the seeds, the Days of Belarus (autumn 2024) and of Novosibirsk
        // Oblast (spring 2024), latest due first. Tests running beside this one may capture more due in 2024.
        await session.GotoAsync("/commitments?sort=-due");
        // The page has loaded its rows before a date is typed.
        await ExpectOrderAsync(page, "sort=-due");
        // A typed date counts when the field is left, as a keyboard user does with Tab.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Due from" }).FillAsync("2024-01-01");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Due from" }).PressAsync("Tab");
        await Expect(page).ToHaveURLAsync(new Regex("dueFrom=2024-01-01"));
        // Wait for the grid to show the first bound before typing the second, as a person sees it change: a date typed
        // while the page is still rendering the first can be taken back by that render under heavy lag (noted, issue 13).
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Due from" })).ToHaveValueAsync("2024-01-01");
        await ExpectOrderAsync(page, "dueFrom=2024-01-01&sort=-due");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Due to" }).FillAsync("2024-12-31");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Due to" }).PressAsync("Tab");
        await Expect(page).ToHaveURLAsync(new Regex("dueTo=2024-12-31"));
        await Expect(page).ToHaveURLAsync(new Regex("sort=-due"));
        (await ExpectOrderAsync(page, "dueFrom=2024-01-01&dueTo=2024-12-31&sort=-due"))
            .Where(code => code.StartsWith("NSK-2023-", StringComparison.Ordinal) || code.StartsWith("KRD-2023-", StringComparison.Ordinal))
            .ShouldBe(["NSK-2023-009", "NSK-2023-010"]);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_page_is_kept_in_the_url_and_can_be_jumped_to()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;

        await session.GotoAsync("/commitments?sort=code&size=10&page=2");
        var caption = page.GetByText(PagerCaption());
        await Expect(caption).ToHaveTextAsync(new Regex(@"^11-20 of \d+$"));
        await ExpectOrderAsync(page, "sort=code&pageSize=10&page=2");

        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Page" }).FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go", Exact = true }).ClickAsync();
        await Expect(caption).ToHaveTextAsync(new Regex(@"^1-10 of \d+$"));
        await Expect(page).Not.ToHaveURLAsync(new Regex("[?&]page="));

        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Page" }).FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go", Exact = true }).ClickAsync();
        await Expect(caption).ToHaveTextAsync(new Regex(@"^21-\d+ of \d+$"));
        await Expect(page).ToHaveURLAsync(new Regex("[?&]page=3(&|$)"));

        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Page" }).FillAsync("999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go", Exact = true }).ClickAsync();
        await Expect(page.GetByText(new Regex(@"^Choose a page from 1 to \d+\.$"))).ToBeVisibleAsync();
        await Expect(caption).ToHaveTextAsync(new Regex(@"^21-\d+ of \d+$"));
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_due_in_90_days_card_opens_the_grid_so_filtered_and_the_export_is_the_grid_as_seen()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;

        // On 1 June 2024 the figures say which day they count (item 10), from the answer itself rather than from the
        // picker; the grid shows the ledger today, so on that day the card is no link and the page says why (decision 0148).
        await session.GotoAsync("/?asOf=2024-06-01");
        await Expect(page.Locator("[data-as-of]")).ToHaveAttributeAsync("data-as-of", "2024-06-01");
        await Expect(page.Locator("[data-as-of]")).ToHaveTextAsync("Figures as of the end of 1 June 2024");
        await Expect(page.Locator("[data-links-today-only]")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Due in 90 days", Exact = true })).ToHaveCountAsync(0);

        // Today the card opens the open items whose window closes in the next 90 days from the dashboard's day.
        await session.GotoAsync("/");
        var today = await page.Locator("[data-as-of]").GetAttributeAsync("data-as-of") ?? throw new ShouldAssertException("the dashboard names no day");
        await page.GetByRole(AriaRole.Link, new() { Name = "Due in 90 days", Exact = true }).ClickAsync();
        var to = DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(page).ToHaveURLAsync(new Regex(@"/commitments\?.*dueFrom=" + today + "&dueTo=" + to));
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Due from" })).ToHaveValueAsync(today);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Due to" })).ToHaveValueAsync(to);

        // The export: this meeting, sorted by due date, with the columns the grid shows, in its order.
        await session.GotoAsync("/commitments?meeting=KRD-2023&sort=due");
        var codes = await ExpectOrderAsync(page, "meeting=KRD-2023&sort=due");
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).GetAttributeAsync("href");
        href.ShouldNotBeNull();
        var response = await page.APIRequest.GetAsync(href);
        response.Status.ShouldBe(200, await response.TextAsync());
        var lines = (await response.TextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("code,title,kind,status,duePhrase,dueEarliest,dueLatest,meeting,meetingDate,owner");
        lines.Skip(1).Select(l => l.Split(',')[0]).ShouldBe(codes);

        // The same view as a workbook: the same header and rows, read back from the file the button downloads.
        var xlsxHref = await page.GetByRole(AriaRole.Link, new() { Name = "Export XLSX" }).GetAttributeAsync("href");
        xlsxHref.ShouldNotBeNull();
        var workbook = await page.APIRequest.GetAsync(xlsxHref);
        workbook.Status.ShouldBe(200);
        workbook.Headers["content-type"].ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheet = MiniExcel.Query(new MemoryStream(await workbook.BodyAsync()), useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        string.Join(',', sheet[0].Values).ShouldBe(lines[0]);
        sheet.Skip(1).Select(r => r.Values.First()).ShouldBe(codes);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    private static ILocator GridRows(IPage page) => page.Locator(".mud-data-grid tbody").GetByRole(AriaRole.Row);

    private static ILocator SortButton(IPage page, string column) =>
        page.GetByRole(AriaRole.Columnheader, new() { Name = column }).GetByRole(AriaRole.Button).First;

    /// <summary>
    /// Waits until the grid's codes are the API's answer to the same query, in its order; returns them. Other tests
    /// record statuses on seeded commitments in parallel (KRD-2023-004 becomes Confirmed), which can reorder a sort by
    /// status between the grid's read and ours: then the API is asked again, a bounded number of times.
    /// </summary>
    private async Task<string[]> ExpectOrderAsync(IPage page, string query)
    {
        var codes = GridRows(page).Locator("td a[href^='/commitments/']");
        for (var attempt = 1; ; attempt++)
        {
            using var client = host.CreateClient();
            var answer = await client.GetStringAsync(new Uri($"/api/v1/commitments?{query}", UriKind.Relative), Ct);
            var expected = JsonDocument.Parse(answer).RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToArray();
            expected.ShouldNotBeEmpty();
            try
            {
                await Expect(codes).ToHaveTextAsync(expected, new() { Timeout = attempt < 3 ? 5_000 : 15_000 });
                return expected;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    [GeneratedRegex(@"^(\d+)-(\d+) of (\d+)$")]
    private static partial Regex PagerCaption();
}
