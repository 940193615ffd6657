using System.Text.Json;
using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 9: a person owns a commitment. An analyst takes one on in the edit form, the page says so, and
/// "My commitments" in the menu opens the grid filtered to owner=me with it listed (and nobody else's); at 390 px too.
/// </summary>
public sealed class OwnerTests(HostProcess host, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_takes_a_commitment_on_and_finds_it_under_my_commitments()
    {
        var code = await host.CaptureOnNewMeetingAsync("OWN", "We agreed to hold a joint trade fair in Novosibirsk.", "Hold a joint trade fair", "CulturalEvent");
        var analyst = Accounts.UserNameFor(Accounts.Analyst);
        await using var session = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = session.Page;

        await session.GotoAsync($"/commitments/{code}");
        await Expect(page.GetByTestId("commitment-owner")).ToHaveTextAsync("No owner yet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await MudUi.SelectAsync(page, "Owner", analyst);
        await session.AssertNoSeriousAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByText("Changes saved.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("commitment-owner")).ToHaveTextAsync($"Owner: {analyst}");

        using (var client = host.CreateClient())
        {
            var saved = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/commitments/{code}", UriKind.Relative), Ct)).RootElement;
            saved.GetProperty("owner").GetString().ShouldBe(analyst);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "My commitments", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/commitments\?owner=me$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My commitments", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true })).ToBeVisibleAsync();

        // The rows are exactly the analyst's own, as the API answers for their user name.
        using (var client = host.CreateClient())
        {
            var answer = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/commitments?owner={analyst}", UriKind.Relative), Ct)).RootElement;
            var expected = answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToArray();
            expected.ShouldContain(code);
            await Expect(page.Locator(".mud-table-body tr td a[href^='/commitments/']")).ToHaveTextAsync(expected);
        }

        await session.AssertNoSeriousAxeViolationsAsync();
        await session.ScreenshotAsync("my-commitments");

        await page.SetViewportSizeAsync(390, 844);
        await Viewport.ExpectNarrowLayoutSettledAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true })).ToBeVisibleAsync();
        await Viewport.ExpectNoSidewaysScrollAsync(page);
        session.ConsoleErrors.ShouldBeEmpty();
    }
}
