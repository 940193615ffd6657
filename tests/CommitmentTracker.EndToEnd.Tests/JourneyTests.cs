using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// The journeys that end in a write no other browser test made: saving an edited commitment, rejecting a proposal,
/// changing a person's role, enabling, disabling and deleting a webhook, and exporting the audit trail as CSV. Each
/// works on data it creates over the API (its own commitment, record, person or subscription), and checks the
/// outcome through the API as well as on the page.
/// </summary>
public sealed partial class RoleTests
{
    [Fact]
    public async Task An_analyst_saves_an_edited_commitment_and_the_ledger_holds_exactly_the_new_terms()
    {
        var code = await CaptureConfirmedAsync("edit");
        var title = $"Hold a joint trade fair in Novosibirsk {Guid.NewGuid():N}"[..50];
        await using var session = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = session.Page;

        await session.GotoAsync($"/commitments/{code}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit", Level = 2 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Title" }).FillAsync(title);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Due, as spoken" }).FillAsync("autumn 2030");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Tags (comma-separated)" }).FillAsync("Fair, trade");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(page.GetByText("Changes saved.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit", Level = 2 })).ToHaveCountAsync(0);
        await Expect(page.GetByText(title, new() { Exact = true }).First).ToBeVisibleAsync();

        using var client = host.CreateClient();
        var saved = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/commitments/{code}", UriKind.Relative), Ct)).RootElement;
        saved.GetProperty("title").GetString().ShouldBe(title);
        saved.GetProperty("due").GetProperty("phrase").GetString().ShouldBe("autumn 2030");
        saved.GetProperty("due").GetProperty("latest").GetString().ShouldBe("2030-11-30");
        saved.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["fair", "trade"], ignoreOrder: true);
        saved.GetProperty("responsibilities").EnumerateArray().Select(r => $"{r.GetProperty("partyKey").GetString()}:{r.GetProperty("role").GetString()}")
            .ShouldBe(["BY-GOV:Lead", "RU-NVS:Counterpart"], ignoreOrder: true, "saving sends the responsibilities back; they are replaced, never doubled");
        saved.GetProperty("spans").GetArrayLength().ShouldBe(1);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_analyst_rejects_a_proposal_and_it_stays_rejected()
    {
        var code = "E2R-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await host.ImportAsync(code, $"The President instructed the government to prepare a joint programme of industrial cooperation by the end of the year. Run {code}.");

        await using var session = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = session.Page;
        await session.GotoAsync($"/meetings/{code}/review");
        var proposal = page.Locator("blockquote", new() { HasText = "instructed the government" });
        var card = page.Locator("[id^=candidate-]", new() { Has = proposal });
        await Expect(card).ToHaveCountAsync(1);

        await card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Reject: ") }).ClickAsync();

        await Expect(page.GetByText("Rejected; it will not be proposed again for this record.")).ToBeVisibleAsync();
        await Expect(card.GetByText("Rejected", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Accept|Reject): ") })).ToHaveCountAsync(0);

        using var reader = host.CreateClient();
        var candidates = JsonDocument.Parse(await reader.GetStringAsync(new Uri($"/api/v1/meetings/{code}/candidates", UriKind.Relative), Ct)).RootElement;
        candidates.EnumerateArray().Select(c => c.GetProperty("decision").GetString()).ShouldBe(["Rejected"]);
        await session.GotoAsync($"/meetings/{code}/review");
        await Expect(card.GetByText("Rejected", new() { Exact = true })).ToBeVisibleAsync();
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_changes_a_persons_role_and_the_account_has_it()
    {
        var person = $"e2e-role-{Guid.NewGuid():N}"[..20];
        using (var client = host.CreateClient())
        {
            using var created = await client.PostAsJsonAsync(new Uri("/api/v1/users", UriKind.Relative), new { userName = person, role = "Viewer", password = "a passphrase for the role change" }, Ct);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        }

        await using var session = await browser.NewSessionAsync(host, Accounts.Administrator);
        var page = session.Page;
        await session.GotoAsync("/admin/users");
        // The role select is a MudSelect: its combobox is named after the person, its value sits in the row's input.
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = person, Exact = true }) });
        await Expect(row.Locator("input").First).ToHaveValueAsync("Viewer");

        await MudUi.SelectAsync(page, $"Role of {person}", "Manager");

        await Expect(row.Locator("input").First).ToHaveValueAsync("Manager");

        // The change is saved by the circuit after the pick: wait for the account to have it (the outcome is
        // asserted, not the time it took), then a fresh page shows the stored role.
        (await RoleOfAsync(person, until: "Manager")).ShouldBe("Manager");
        await session.GotoAsync("/admin/users");
        await Expect(row.Locator("input").First).ToHaveValueAsync("Manager");
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_disables_enables_and_deletes_a_webhook()
    {
        var name = $"Journey receiver {Guid.NewGuid():N}"[..26];
        string id;
        using (var client = host.CreateClient())
        {
            using var created = await client.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { name, url = "http://127.0.0.1:9/hooks/journey", eventTypes = new[] { "commitment.overdue" } }, Ct);
            var body = await created.Content.ReadAsStringAsync(Ct);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, body);
            id = JsonDocument.Parse(body).RootElement.GetProperty("subscription").GetProperty("id").GetString()!;
        }

        await using var session = await browser.NewSessionAsync(host, Accounts.Administrator);
        var page = session.Page;
        await session.GotoAsync("/admin/webhooks");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }) });
        await Expect(row.GetByText("Enabled", new() { Exact = true })).ToBeVisibleAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = "Disable", Exact = true }).ClickAsync();
        await Expect(page.GetByText($"{name} disabled.")).ToBeVisibleAsync();
        await Expect(row.GetByText("Disabled", new() { Exact = true })).ToBeVisibleAsync();
        (await SubscriptionAsync(id)).GetProperty("isEnabled").GetBoolean().ShouldBeFalse();

        await row.GetByRole(AriaRole.Button, new() { Name = "Enable", Exact = true }).ClickAsync();
        await Expect(page.GetByText($"{name} enabled; waiting deliveries go out now.")).ToBeVisibleAsync();
        await Expect(row.GetByText("Enabled", new() { Exact = true })).ToBeVisibleAsync();
        (await SubscriptionAsync(id)).GetProperty("isEnabled").GetBoolean().ShouldBeTrue();

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"Delete {name} with its delivery log?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(page.GetByText($"{name} deleted.")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
        using var reader = host.CreateClient();
        using var gone = await reader.GetAsync(new Uri($"/api/v1/webhooks/{id}", UriKind.Relative), Ct);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_manager_exports_the_filtered_audit_trail_as_csv()
    {
        var code = await CaptureConfirmedAsync("export");
        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;
        await session.GotoAsync("/audit");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Entity key or id" }).FillAsync(code);
        var export = page.GetByTestId("export-csv");
        await Expect(export).ToHaveAttributeAsync("href", new Regex($"entity={code}"));

        var download = await page.RunAndWaitForDownloadAsync(() => export.ClickAsync());

        download.SuggestedFilename.ShouldMatch(@"^audit-\d{8}\.csv$");
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path, Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("position,at,actorId,actor,entityType,entityId,entityKey,operation,changes");
        lines.Skip(1).ShouldNotBeEmpty();
        lines.Skip(1).ShouldAllBe(l => l.Contains(code, StringComparison.Ordinal), "only the filtered commitment's records");
        lines.Skip(1).ShouldContain(l => l.Contains(",Commitment,", StringComparison.Ordinal) && l.Contains(",Created,", StringComparison.Ordinal));
        lines.Skip(1).ShouldContain(l => l.Contains(",StatusEntry,", StringComparison.Ordinal));
        session.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>The person's stored role, read until it is <paramref name="until"/> or 30 s have passed.</summary>
    private async Task<string?> RoleOfAsync(string person, string until)
    {
        using var reader = host.CreateClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var users = JsonDocument.Parse(await reader.GetStringAsync(new Uri("/api/v1/users", UriKind.Relative), Ct)).RootElement;
            var role = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == person).GetProperty("role").GetString();
            if (role == until || timeout.IsCancellationRequested)
            {
                return role;
            }

            try
            {
                await Task.Delay(100, timeout.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                // One last read above decides.
            }
        }
    }

    private async Task<JsonElement> SubscriptionAsync(string id)
    {
        using var client = host.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/v1/webhooks/{id}", UriKind.Relative), Ct)).RootElement;
    }
}
