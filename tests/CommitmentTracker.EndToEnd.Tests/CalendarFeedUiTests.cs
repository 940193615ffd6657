using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>A person subscribes to the commitments they are looking at, gets the address once, then revokes it.</summary>
public sealed class CalendarFeedUiTests(HostProcess host, BrowserFixture browser)
{
    [Fact]
    public async Task Subscribing_to_a_filtered_view_shows_a_working_address_once_and_revoking_stops_it()
    {
        await using var session = await browser.NewSessionAsync(host);
        var page = session.Page;
        var name = $"Cultural events {Guid.NewGuid():N}";

        await session.GotoAsync("/commitments?kind=CulturalEvent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe in calendar" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Feed name" }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create feed" }).ClickAsync();

        var address = page.GetByRole(AriaRole.Textbox, new() { Name = "Subscription address" });
        await Expect(address).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/api/v1/calendar/[A-Za-z0-9_-]{43}\\.ics$"));
        var url = new Uri(await address.InputValueAsync());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open in calendar app" })).ToHaveAttributeAsync("href", $"webcal://{url.Authority}{url.PathAndQuery}");
        await session.AssertNoSeriousAxeViolationsAsync();
        using var client = host.CreateClient();
        using var feed = await client.GetAsync(url.PathAndQuery, TestContext.Current.CancellationToken);
        feed.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await feed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("NSK-2023-009");

        await session.GotoAsync("/calendar-feeds");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Calendar feeds", Level = 1 })).ToBeVisibleAsync();
        await session.AssertNoSeriousAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Revoked");
        using var revoked = await client.GetAsync(url.PathAndQuery, TestContext.Current.CancellationToken);
        revoked.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        session.ConsoleErrors.ShouldBeEmpty();
    }
}
