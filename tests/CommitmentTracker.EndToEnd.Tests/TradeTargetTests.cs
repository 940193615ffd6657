using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 4: a trade target accepted without numbers is given them on its page (metric, unit, baseline,
/// goal), then each published figure is recorded as an observation and shown beside the goal; a wrong entry is
/// refused next to its field and leaves the target as it was. Works on a meeting of its own (created over the API).
/// </summary>
public sealed class TradeTargetTests(HostProcess host, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_sets_a_trade_target_and_records_the_years_figures()
    {
        var code = await host.CaptureOnNewMeetingAsync("TTG", "We need to reach a billion dollars of trade turnover.", "Reach a billion dollars of trade", "TradeTarget");

        await using var analyst = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = analyst.Page;
        await analyst.GotoAsync($"/commitments/{code}");
        var panel = MudUi.Card(page, "Target");
        await Expect(panel).ToContainTextAsync("No numbers yet");

        await panel.GetByRole(AriaRole.Button, new() { Name = "Set the target" }).ClickAsync();
        await page.GetByLabel("Metric", new() { Exact = true }).FillAsync("Trade turnover");
        await page.GetByLabel("Unit", new() { Exact = true }).FillAsync("usd");
        await page.GetByLabel("Baseline value", new() { Exact = true }).FillAsync("500000000");
        await page.GetByLabel("Goal", new() { Exact = true }).FillAsync("1000000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the target" }).ClickAsync();

        // A baseline without its day is refused under the field that is missing, and nothing is saved.
        var baselineDate = page.GetByRole(AriaRole.Textbox, new() { Name = "Baseline date" });
        await Expect(MudUi.ControlOf(baselineDate)).ToContainTextAsync("A baseline value needs the date it refers to.");
        (await TargetAsync(code)).ValueKind.ShouldNotBe(JsonValueKind.Object, "a refused target is not saved");

        await baselineDate.FillAsync("2022-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the target" }).ClickAsync();
        await Expect(page.GetByText("Target saved.")).ToBeVisibleAsync();
        var terms = page.GetByTestId("target-terms");
        await Expect(terms).ToContainTextAsync("baseline 500,000,000 USD (2022-12-31)");
        await Expect(terms).ToContainTextAsync("goal 1,000,000,000 USD");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Target: Trade turnover" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Record an observation" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Period start" }).FillAsync("2023-01-01");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Period end" }).FillAsync("2023-12-31");
        await page.GetByLabel("Value (USD)", new() { Exact = true }).FillAsync("700000000");
        await page.GetByLabel("Source", new() { Exact = true }).FillAsync("Belstat, 2023 annual figures");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the observation" }).ClickAsync();
        await Expect(page.GetByText("Recorded 700,000,000 USD for 2023-01-01 – 2023-12-31.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("target-latest")).ToHaveTextAsync("Latest: 700,000,000 USD for 2023 · 40% of the way from the baseline to the goal");

        // The next period starts where the last one ended; an end before the start is refused under "Period end".
        await page.GetByRole(AriaRole.Button, new() { Name = "Record an observation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Period start" })).ToHaveValueAsync("2024-01-01");
        var periodEnd = page.GetByRole(AriaRole.Textbox, new() { Name = "Period end" });
        await periodEnd.FillAsync("2023-06-30");
        await page.GetByLabel("Value (USD)", new() { Exact = true }).FillAsync("800000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the observation" }).ClickAsync();
        await Expect(MudUi.ControlOf(periodEnd)).ToContainTextAsync("'Period End' cannot be before 'Period Start'.");
        (await TargetAsync(code)).GetProperty("observations").GetArrayLength().ShouldBe(1, "a refused observation is not saved");

        await periodEnd.FillAsync("2024-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the observation" }).ClickAsync();
        await Expect(page.GetByTestId("target-latest")).ToHaveTextAsync("Latest: 800,000,000 USD for 2024 · 60% of the way from the baseline to the goal");
        await analyst.ScreenshotAsync("trade-target");
        await analyst.AssertNoSeriousAxeViolationsAsync();
        analyst.ConsoleErrors.ShouldBeEmpty();

        var target = await TargetAsync(code);
        target.GetProperty("unit").GetString().ShouldBe("USD");
        target.GetProperty("baselineValue").GetDecimal().ShouldBe(500_000_000m);
        target.GetProperty("goalValue").GetDecimal().ShouldBe(1_000_000_000m);
        target.GetProperty("observations").EnumerateArray()
            .Select(o => (o.GetProperty("periodStart").GetString(), o.GetProperty("periodEnd").GetString(), o.GetProperty("value").GetDecimal()))
            .ShouldBe([("2023-01-01", "2023-12-31", 700_000_000m), ("2024-01-01", "2024-12-31", 800_000_000m)]);
    }

    private async Task<JsonElement> TargetAsync(string code) =>
        (await host.CommitmentAsync(code)).TryGetProperty("target", out var target) ? target : default;
}
