using System.Net.Http.Json;
using System.Text.Json;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 2: a manager who learns today that a pledge stalled in March 2024 records it in one entry, straight
/// from Captured, effective on the day it happened; a day before the meeting is refused next to the field. Works on
/// NSK-2023-012, a seeded pledge with no due window that no other browser test reads, so no overdue figure moves.
/// </summary>
public sealed class StatusEffectiveDateTests(HostProcess host, BrowserFixture browser)
{
    private const string Code = "NSK-2023-012";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_manager_records_a_stall_learned_today_effective_on_the_day_it_happened()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;
        var rationale = $"The ministry wrote that work stopped on 15 March 2024 ({Guid.NewGuid():N}).";

        await session.GotoAsync($"/commitments/{Code}");
        var timeline = MudUi.Card(page, "Status timeline").Locator("[data-entry]");
        await Expect(timeline).ToHaveCountAsync(1);

        // Stalled is offered from Captured: no Confirmed entry has to be invented first.
        await MudUi.SelectAsync(page, "Status", "Stalled");
        var effective = page.GetByRole(AriaRole.Textbox, new() { Name = "Effective date" });
        await effective.FillAsync("2023-10-09");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" }).FillAsync(rationale);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record status" }).ClickAsync();

        const string refusal = "The effective date 2023-10-09 is before the meeting of 2023-10-10 that made the commitment.";
        await Expect(MudUi.ControlOf(effective).GetByText(refusal, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(timeline).ToHaveCountAsync(1);

        await effective.FillAsync("2024-03-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record status" }).ClickAsync();

        await Expect(timeline).ToHaveCountAsync(2);
        var top = timeline.First;
        await Expect(top.GetByText("Stalled", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(top.Locator("[data-effective]")).ToHaveTextAsync("Effective 15 Mar 2024");
        await Expect(top).ToContainTextAsync("Recorded " + DateTime.UtcNow.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await session.ScreenshotAsync("status-effective-date");

        // As of a day reads the effective date, over the API as on the page.
        using var client = host.CreateClient();
        (await StatusOnAsync(client, "2024-03-14")).ShouldBe("Captured");
        (await StatusOnAsync(client, "2024-03-15")).ShouldBe("Stalled");
        session.ConsoleErrors.ShouldBeEmpty();
    }

    private static async Task<string?> StatusOnAsync(HttpClient client, string day)
    {
        var answer = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/commitments/{Code}/status?asOf={day}", UriKind.Relative), Ct);
        return answer.GetProperty("status").GetString();
    }
}
