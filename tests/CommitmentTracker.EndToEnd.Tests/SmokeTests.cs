using System.Net;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>Proves the harness: the Host process serves both the Blazor UI and the REST API, and a real browser renders the seeded ledger.</summary>
public sealed class SmokeTests(HostProcess host, BrowserFixture browser)
{
    [Fact]
    public async Task Home_page_shows_the_seeded_ledger_and_passes_axe()
    {
        await using var session = await browser.NewSessionAsync(host);

        // A past day, so commitments captured by other tests in this run cannot change the figure.
        await session.GotoAsync("/?asOf=2025-01-01");

        (await session.Page.TitleAsync()).ShouldContain("CommitmentTracker");
        // The seeds hold 23 commitments; the summary shows the total as a figure of its own.
        (await session.Page.GetByText("23", new() { Exact = true }).CountAsync()).ShouldBeGreaterThan(0, "the home page does not show the 23 seeded commitments");
        await session.ScreenshotAsync("home");
        await session.AssertNoSeriousAxeViolationsAsync();
    }

    [Fact]
    public async Task The_same_host_serves_the_api()
    {
        using var client = host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/commitments/NSK-2023-009", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("NSK-2023-009");
    }
}
