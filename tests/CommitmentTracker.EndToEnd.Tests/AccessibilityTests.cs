using CommitmentTracker.EndToEnd.Tests.Infrastructure;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// axe-core on the pages the person-path tests do not already check, so every page of the app is covered:
/// no serious or critical violation anywhere.
/// </summary>
public sealed class AccessibilityTests(HostProcess host, BrowserFixture browser)
{
    [Theory]
    [InlineData("/meetings", "Meetings")]
    [InlineData("/commitments/new?meeting=KRD-2023", "Capture a commitment")]
    [InlineData("/overdue?party=RU-NVS", "Overdue review")]
    [InlineData("/calendar-feeds", "Calendar feeds")]
    [InlineData("/commitments/NOPE-1", "Commitment not found")]
    [InlineData("/not-found", "Page not found")]
    [InlineData("/audit", "Audit trail")]
    [InlineData("/admin/users", "Users")]
    [InlineData("/admin/api-keys", "API keys")]
    [InlineData("/admin/webhooks", "Webhooks")]
    [InlineData("/import", "Not allowed", Accounts.Viewer)]
    public async Task Page_has_no_serious_accessibility_violations(string path, string heading, string role = Accounts.Administrator)
    {
        await using var session = await browser.NewSessionAsync(host, role);
        await session.GotoAsync(path);

        await session.Page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();
        await session.AssertNoSeriousAxeViolationsAsync();
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sign_in_page_has_no_serious_accessibility_violations_before_and_after_a_refusal()
    {
        await using var session = await browser.NewAnonymousSessionAsync(host);
        var page = session.Page;

        // Served without a circuit (a plain form post sets the cookie), so there is no circuit marker to wait for.
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Sign in", Level = 1 }).WaitForAsync();
        await session.AssertNoSeriousAxeViolationsAsync();

        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByText("Enter your user name.").WaitForAsync();
        await session.AssertNoSeriousAxeViolationsAsync();
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Change_password_page_has_no_serious_accessibility_violations_before_and_after_a_refusal()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Viewer);
        var page = session.Page;

        // Static like the sign-in page (its form re-issues the cookie): no circuit marker to wait for.
        await page.GotoAsync("/account/password");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Change password", Level = 1 }).WaitForAsync();
        await session.AssertNoSeriousAxeViolationsAsync();

        // Sent empty: nothing changes, and each field says what it needs.
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await page.GetByText("Enter your current password.").WaitForAsync();
        await session.AssertNoSeriousAxeViolationsAsync();
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_address_is_a_404_with_the_apps_own_page_and_the_api_keeps_problem_details()
    {
        using var client = host.CreateClient();

        using var page = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), TestContext.Current.CancellationToken);
        using var api = await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);

        page.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("Page not found");
        api.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
