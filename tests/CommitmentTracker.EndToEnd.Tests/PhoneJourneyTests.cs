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
/// Issue 13: the manager's and the administrator's journeys on a phone (390 × 844), as the analyst's is in
/// <see cref="ImportTests"/>. Every control used is visible and within the screen's width before it is used, the page
/// never scrolls sideways, and each step is counted (<see cref="Journey"/>): the baseline was 24 steps for the
/// manager and 21 for the administrator. Each works on a party, meeting, commitment, person, key and subscription of
/// its own, so the seeded figures other tests read do not change.
/// </summary>
public sealed class PhoneJourneyTests(HostProcess host, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Dashboard → a past As of day → today's overdue review → Stalled recorded → the grid filtered and bookmarked → the meeting.</summary>
    [Fact]
    public async Task A_manager_on_a_phone_reviews_the_overdue_list_records_stalled_filters_and_bookmarks_the_grid_and_opens_the_meeting()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var party = $"PJ-{suffix}";
        var partyName = $"Phone journey body {suffix}";
        var meeting = $"PJM-{suffix}";
        await host.RegisterPartyAsync(new { key = party, name = partyName, kind = "Agency" });
        const string text = "The sides agreed to open a joint service centre for tractors in spring 2024.";
        await host.RecordMeetingAsync(meeting, text, "Talks on a service centre");
        var code = await host.CaptureAsync(meeting, text, "Open a joint service centre", "Cooperation", "spring 2024", [new { party, role = "Lead" }]);

        await using var manager = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = manager.Page;
        await page.SetViewportSizeAsync(390, 844);
        var journey = new Journey(manager);

        // The dashboard as it stood on 1 June 2024 (spring 2024 had just closed).
        await journey.GotoAsync("/", "the dashboard");
        var asOf = page.GetByRole(AriaRole.Textbox, new() { Name = "As of" });
        await journey.FillAsync(asOf, "2024-06-01", "As of");
        await journey.PressAsync(asOf, "Enter", "As of");
        await Expect(page.Locator("[data-as-of]")).ToHaveAttributeAsync("data-as-of", "2024-06-01");
        await Expect(page).ToHaveURLAsync(new Regex("[?&]asOf=2024-06-01(&|$)"));
        await ExpectNoSidewaysScrollAsync(page);

        // Its Overdue figure would open that day's list; the commitment to decide on was captured after it, so the
        // manager opens today's overdue review from the menu.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Overdue", Exact = true })).ToHaveAttributeAsync("href", "/overdue?asOf=2024-06-01");
        await journey.NavigateAsync("Overdue review");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue review", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/overdue$"));
        await journey.SelectAsync("Responsible party", $"{party} · {partyName}");
        await Expect(page).ToHaveURLAsync(new Regex($"[?&]party={party}(&|$)"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = code }) });
        await ExpectNoSidewaysScrollAsync(page);

        await journey.ClickAsync(row.GetByRole(AriaRole.Button, new() { Name = "Record status" }), "the row's Record status");
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a status entry" });
        await Expect(form).ToBeVisibleAsync();
        await journey.SelectAsync("Status", "Stalled");
        await journey.FillAsync(form.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" }), "The partner named no site for the centre.", "Rationale");
        await ExpectNoSidewaysScrollAsync(page);
        await journey.ClickAsync(form.GetByRole(AriaRole.Button, new() { Name = "Record status" }), "the form's Record status");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Recorded Stalled for {code}.");
        (await host.CommitmentAsync(code)).GetProperty("status").GetString().ShouldBe("Stalled");

        // The grid, filtered to the party: the filter is in the address, so a bookmark opens the same view.
        await journey.NavigateAsync("Commitments");
        await Expect(page.Locator(".mud-data-grid tbody").GetByRole(AriaRole.Row).First).ToBeVisibleAsync();
        await journey.SelectAsync("Party", $"{party} · {partyName}");
        await Expect(page).ToHaveURLAsync(new Regex($"/commitments[?](.*&)?party={party}(&|$)"));
        var gridRow = page.Locator(".mud-data-grid tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }) });
        await Expect(page.Locator(".mud-data-grid tbody tr")).ToHaveCountAsync(1);
        await Expect(gridRow).ToContainTextAsync("Stalled");
        await ExpectNoSidewaysScrollAsync(page);
        var bookmark = new Uri(page.Url).PathAndQuery;

        await journey.GotoAsync(bookmark, "the bookmark");
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Party", Exact = true })).ToHaveValueAsync($"{party} · {partyName}");
        await Expect(page.Locator(".mud-data-grid tbody tr")).ToHaveCountAsync(1);
        await Expect(gridRow).ToContainTextAsync("Stalled");
        await manager.ScreenshotAsync("commitments-bookmarked-narrow");

        // The row's meeting is a link: the record the commitment came from is one tap away.
        await journey.ClickAsync(gridRow.GetByRole(AriaRole.Link, new() { Name = meeting, Exact = true }), "the row's meeting");
        await Expect(page).ToHaveURLAsync(new Regex($"/meetings/{meeting}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Talks on a service centre", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = code }).First).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollAsync(page);

        journey.Report("Manager").ShouldBeLessThan(24, "the issue's baseline for the manager's journey was 24 steps");
        manager.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Users (a role changed) → the audit trail of that account → API keys (one created, then revoked) → webhooks (disabled, enabled, deleted).</summary>
    [Fact]
    public async Task An_administrator_on_a_phone_changes_a_role_reads_its_audit_creates_and_revokes_a_key_and_works_a_webhook()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var person = $"pj-{suffix}";
        var keyName = $"Phone journey key {suffix}";
        var hookName = $"Phone hook {suffix}";
        string hookId;
        using (var client = host.CreateClient())
        {
            using var created = await client.PostAsJsonAsync(new Uri("/api/v1/users", UriKind.Relative), new { userName = person, role = "Viewer", password = "a passphrase for the phone journey" }, Ct);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
            using var hook = await client.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { name = hookName, url = "http://127.0.0.1:9/hooks/phone-journey", eventTypes = new[] { "commitment.overdue" } }, Ct);
            var body = await hook.Content.ReadAsStringAsync(Ct);
            hook.StatusCode.ShouldBe(HttpStatusCode.Created, body);
            hookId = JsonDocument.Parse(body).RootElement.GetProperty("subscription").GetProperty("id").GetString()!;
        }

        await using var administrator = await browser.NewSessionAsync(host, Accounts.Administrator);
        var page = administrator.Page;
        await page.SetViewportSizeAsync(390, 844);
        var journey = new Journey(administrator);

        await journey.GotoAsync("/", "the dashboard");

        // Users: the person becomes an analyst.
        await journey.NavigateAsync("Users");
        var userRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = person });
        await Expect(userRow.Locator("input").First).ToHaveValueAsync("Viewer");
        await ExpectNoSidewaysScrollAsync(page);
        await journey.SelectAsync($"Role of {person}", "Analyst");
        await Expect(userRow.Locator("input").First).ToHaveValueAsync("Analyst");
        await ExpectNoSidewaysScrollAsync(page);

        // The person's History opens the audit trail filtered to the account: the role change is there.
        await journey.ClickAsync(userRow.GetByRole(AriaRole.Link, new() { Name = $"History of {person}" }), "the person's History");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Entity key or id" })).ToHaveValueAsync(person);
        var auditRows = page.Locator(".mud-data-grid tbody tr");
        await Expect(auditRows.Filter(new() { HasText = person }).First).ToBeVisibleAsync();
        await Expect(auditRows.Filter(new() { HasNotText = person })).ToHaveCountAsync(0);
        await ExpectNoSidewaysScrollAsync(page);

        // API keys: one created (shown once), then revoked after the confirmation.
        await journey.NavigateAsync("API keys");
        await journey.FillAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }), keyName, "the key's Name");
        await journey.ClickAsync(page.GetByRole(AriaRole.Button, new() { Name = "Create key" }), "Create key");
        await Expect(page.GetByTestId("issued-key")).ToContainTextAsync($"Key “{keyName}” created.");
        await ExpectFitsAsync(page, page.GetByTestId("issued-key").Locator("code"), "the key shown once");
        await ExpectNoSidewaysScrollAsync(page);
        var keyRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = keyName });
        await Expect(keyRow).ToContainTextAsync("Active");
        await journey.ClickAsync(keyRow.GetByRole(AriaRole.Button, new() { Name = $"Revoke {keyName}" }), "the key's Revoke");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("stops working at once");
        await journey.ClickAsync(dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }), "Revoke in the confirmation");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(keyRow).ToContainTextAsync("Revoked");
        await Expect(keyRow.GetByRole(AriaRole.Button, new() { Name = $"Revoke {keyName}" })).ToHaveCountAsync(0);

        // Webhooks: disabled, enabled again, deleted after the confirmation.
        await journey.NavigateAsync("Webhooks");
        var hookRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = hookName });
        await Expect(hookRow.GetByText("Enabled", new() { Exact = true })).ToBeVisibleAsync();
        await ExpectNoSidewaysScrollAsync(page);
        await journey.ClickAsync(hookRow.GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }), "the subscription's Disable");
        await Expect(hookRow.GetByText("Disabled", new() { Exact = true })).ToBeVisibleAsync();
        await journey.ClickAsync(hookRow.GetByRole(AriaRole.Button, new() { Name = "Enable", Exact = true }), "the subscription's Enable");
        await Expect(hookRow.GetByText("Enabled", new() { Exact = true })).ToBeVisibleAsync();
        await journey.ClickAsync(hookRow.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }), "the subscription's Delete");
        await Expect(dialog).ToContainTextAsync($"Delete {hookName} with its delivery log?");
        await journey.ClickAsync(dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }), "Delete in the confirmation");
        await Expect(hookRow).ToHaveCountAsync(0);
        await ExpectNoSidewaysScrollAsync(page);

        using (var reader = host.CreateClient())
        {
            var users = JsonDocument.Parse(await reader.GetStringAsync(new Uri("/api/v1/users", UriKind.Relative), Ct)).RootElement;
            users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == person).GetProperty("role").GetString().ShouldBe("Analyst");
            var keys = JsonDocument.Parse(await reader.GetStringAsync(new Uri("/api/v1/api-keys", UriKind.Relative), Ct)).RootElement;
            keys.EnumerateArray().Single(k => k.GetProperty("name").GetString() == keyName).GetProperty("state").GetString().ShouldBe("Revoked");
            using var gone = await reader.GetAsync(new Uri($"/api/v1/webhooks/{hookId}", UriKind.Relative), Ct);
            gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        journey.Report("Administrator").ShouldBeLessThan(21, "the issue's baseline for the administrator's journey was 21 steps");
        administrator.ConsoleErrors.ShouldBeEmpty();
    }
}
