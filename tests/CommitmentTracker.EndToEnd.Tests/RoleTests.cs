using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Signing in, and what each role sees and may do in the browser. Every test that writes works on a commitment it
/// captures itself over the API (in NSK-2023, open-ended, so no figure or list another test reads changes), or on
/// people and keys with names of its own; the rest only reads the seeds.
/// </summary>
[TestCaseOrderer(typeof(DeclarationOrder))]
public sealed partial class RoleTests(HostProcess host, BrowserFixture browser)
{
    private const string ManagersDecision = "— a manager's decision";

    private static readonly string[] ClosingStatuses = ["Fulfilled", "Partially fulfilled", "Not fulfilled", "Superseded", "Withdrawn"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for_and_signing_out_asks_again()
    {
        var userName = $"e2e-signin-{Guid.NewGuid():N}"[..24];
        const string password = "sign-in test passphrase";
        using (var administrator = host.CreateClient())
        {
            using var created = await administrator.PostAsJsonAsync(new Uri("/api/v1/users", UriKind.Relative), new { userName, role = Accounts.Viewer, password }, Ct);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        }

        await using var session = await browser.NewAnonymousSessionAsync(host);
        var page = session.Page;

        await page.GotoAsync("/overdue");
        await Expect(page).ToHaveURLAsync(new Regex(@"/account/sign-in\?ReturnUrl=%2Foverdue$", RegexOptions.IgnoreCase));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await session.ScreenshotAsync("sign-in");

        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The message sits under the password field and is tied to it; the user name is kept.
        var passwordField = page.GetByLabel("Password");
        await Expect(page.Locator("#password-error")).ToHaveTextAsync("The user name or password is not right.");
        await Expect(passwordField).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(passwordField).ToHaveAttributeAsync("aria-describedby", "password-error");
        await Expect(page.GetByLabel("User name")).ToHaveValueAsync(userName);
        await session.AssertNoSeriousAxeViolationsAsync();

        await passwordField.FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/overdue$"));
        await page.WaitForSelectorAsync(PageSession.CircuitReadySelector, new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue review", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync($"{userName} · Viewer");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();

        await page.GotoAsync("/commitments");
        await Expect(page).ToHaveURLAsync(new Regex(@"/account/sign-in\?ReturnUrl=%2Fcommitments$", RegexOptions.IgnoreCase));
        await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_person_changes_their_password_from_the_header_and_signs_in_with_the_new_one()
    {
        var userName = $"e2e-password-{Guid.NewGuid():N}"[..26];
        const string given = "the password I was given";
        const string chosen = "a passphrase of my own choosing";
        using (var administrator = host.CreateClient())
        {
            using var created = await administrator.PostAsJsonAsync(new Uri("/api/v1/users", UriKind.Relative), new { userName, role = Accounts.Viewer, password = given }, Ct);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        }

        await using var session = await browser.NewAnonymousSessionAsync(host);
        var page = session.Page;
        await SignInThroughTheFormAsync(page, userName, given);

        // From the interactive app, the header link loads the static page in full.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change password" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/password$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change password", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("password-user")).ToHaveTextAsync(userName);

        // A wrong current password: the message sits under that field and is tied to it.
        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync("not my password at all");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(chosen);
        await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync(chosen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.Locator("#currentPassword-error")).ToHaveTextAsync("Your current password is not right.");
        await Expect(page.GetByLabel("Current password", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page).ToHaveURLAsync(new Regex(@"/account/password\?error=PasswordMismatch$"));
        await session.AssertNoSeriousAxeViolationsAsync();

        await page.GetByLabel("Current password", new() { Exact = true }).FillAsync(given);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(chosen);
        await page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync(chosen);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your password was changed.");
        await Expect(page.Locator("#currentPassword-error")).ToBeEmptyAsync();
        await session.AssertNoSeriousAxeViolationsAsync();

        // Still signed in (the cookie was re-issued): back in the app, then out, then in with the new password.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to CommitmentTracker" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.WaitForSelectorAsync(PageSession.CircuitReadySelector, new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync($"{userName} · Viewer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in$"));

        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(given);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#password-error")).ToHaveTextAsync("The user name or password is not right.");
        await SignInThroughTheFormAsync(page, userName, chosen);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_viewer_reads_everything_and_is_offered_no_action()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Viewer);
        var page = session.Page;
        var nav = page.Locator(".mud-drawer");

        await session.GotoAsync("/commitments");
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync($"{Accounts.UserNameFor(Accounts.Viewer)} · Viewer");
        await Expect(GridRows(page).First).ToBeVisibleAsync();
        await Expect(page.GetByText("Capture a commitment")).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Commitments", Exact = true })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Import a record" })).ToHaveCountAsync(0);
        await Expect(nav.GetByText("Administration")).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToHaveCountAsync(0);

        await session.GotoAsync("/commitments/NSK-2023-009");
        await Expect(MudUi.Card(page, "Status timeline").Locator("[data-entry]").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record progress" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Record a status entry" })).ToHaveCountAsync(0);
        await session.AssertNoSeriousAxeViolationsAsync();

        await session.GotoAsync("/meetings/KRD-2023");
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Commitments \\(") })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Review proposals" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Capture", Exact = true })).ToHaveCountAsync(0);

        await session.GotoAsync("/overdue");
        await Expect(page.Locator("tbody").GetByRole(AriaRole.Row).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Record status" })).ToHaveCountAsync(0);

        foreach (var path in new[] { "/import", "/commitments/new", "/meetings/KRD-2023/review", "/audit", "/admin/users", "/admin/api-keys", "/admin/webhooks" })
        {
            await ExpectNotAllowedAsync(session, path, Accounts.Viewer);
        }

        // The API behind the pages says the same: reading is fine, writing is refused (the browser's own cookie).
        await using var read = await page.APIRequest.GetAsync("/api/v1/commitments/NSK-2023-009");
        read.Status.ShouldBe(200);
        await using var write = await page.APIRequest.PostAsync("/api/v1/commitments/NSK-2023-009/status-history", new()
        {
            DataObject = new { status = "Confirmed", rationale = "A viewer must not be able to record this." },
            Headers = new Dictionary<string, string> { ["X-CSRF"] = "1" }, // past the cross-site guard: the refusal is about the role
        });
        write.Status.ShouldBe(403, await write.TextAsync());
        (await HistoryAsync(host.CreateClient(), "NSK-2023-009")).ShouldNotContain(e => e.Rationale == "A viewer must not be able to record this.");
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_analyst_captures_edits_and_records_progress_but_leaves_closing_to_a_manager()
    {
        var code = await CaptureConfirmedAsync("analyst");
        var rationale = $"Work has started on the programme ({Guid.NewGuid():N}).";
        await using var session = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = session.Page;
        var nav = page.Locator(".mud-drawer");

        await session.GotoAsync("/commitments");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Capture a commitment" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Import a record" })).ToBeVisibleAsync();
        await Expect(nav.GetByText("Administration")).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToHaveCountAsync(0);

        await session.GotoAsync($"/commitments/{code}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = code, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record progress" })).ToBeVisibleAsync();

        // From Confirmed: In progress and Stalled are the analyst's; Superseded and Withdrawn are shown, disabled.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Status", Exact = true }).ClickAsync();
        await ExpectOptionAsync(page, "In progress", enabled: true);
        await ExpectOptionAsync(page, "Stalled", enabled: true);
        await ExpectOptionAsync(page, "Superseded " + ManagersDecision, enabled: false);
        await ExpectOptionAsync(page, "Withdrawn " + ManagersDecision, enabled: false);
        await page.GetByRole(AriaRole.Option, new() { Name = "In progress", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" }).FillAsync(rationale);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record status" }).ClickAsync();

        await Expect(page.GetByText("Recorded In progress.")).ToBeVisibleAsync();
        var top = MudUi.Card(page, "Status timeline").Locator("[data-entry]").First;
        await Expect(top.GetByText("In progress", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(top.GetByText(rationale, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(top).ToContainTextAsync(" · " + Accounts.UserNameFor(Accounts.Analyst));

        // From In progress every outcome is a manager's decision.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Status", Exact = true }).ClickAsync();
        await ExpectOptionAsync(page, "Stalled", enabled: true);
        foreach (var closing in ClosingStatuses)
        {
            await ExpectOptionAsync(page, $"{closing} {ManagersDecision}", enabled: false);
        }

        await MudUi.CloseAsync(page);
        await session.AssertNoSeriousAxeViolationsAsync();

        // The edit form opens for an analyst.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit", Level = 2 })).ToBeVisibleAsync();

        // The ledger agrees: the analyst's entry is there under their name, and closing over the API is refused.
        var history = await HistoryAsync(host.CreateClient(), code);
        history[^1].Status.ShouldBe("InProgress");
        history[^1].Author.ShouldBe(Accounts.UserNameFor(Accounts.Analyst));
        await using var refused = await page.APIRequest.PostAsync($"/api/v1/commitments/{code}/status-history", new() { DataObject = new { status = "Fulfilled" }, Headers = new Dictionary<string, string> { ["X-CSRF"] = "1" } });
        refused.Status.ShouldBe(403, await refused.TextAsync());

        await ExpectNotAllowedAsync(session, "/audit", Accounts.Analyst);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_manager_closes_a_commitment_and_reads_the_analysts_change_in_the_audit_trail()
    {
        var code = await CaptureConfirmedAsync("manager");
        var analystsWords = $"The analyst saw work begin ({Guid.NewGuid():N}).";
        using (var analyst = await SignedInClientAsync(Accounts.Analyst))
        {
            using var appended = await analyst.PostAsJsonAsync(new Uri($"/api/v1/commitments/{code}/status-history", UriKind.Relative), new { status = "InProgress", rationale = analystsWords }, Ct);
            appended.StatusCode.ShouldBe(HttpStatusCode.Created, await appended.Content.ReadAsStringAsync(Ct));
        }

        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;
        var nav = page.Locator(".mud-drawer");
        var manager = Accounts.UserNameFor(Accounts.Manager);

        await session.GotoAsync($"/commitments/{code}");
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync($"{manager} · Manager");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Webhooks" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Status", Exact = true }).ClickAsync();
        foreach (var closing in ClosingStatuses)
        {
            await ExpectOptionAsync(page, closing, enabled: true);
        }

        await page.GetByRole(AriaRole.Option, new() { Name = "Fulfilled", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Rationale" }).FillAsync("The programme was signed and carried out.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record status" }).ClickAsync();

        await Expect(page.GetByText("Recorded Fulfilled.")).ToBeVisibleAsync();
        var top = MudUi.Card(page, "Status timeline").Locator("[data-entry]").First;
        await Expect(top.GetByText("Fulfilled", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(top).ToContainTextAsync(" · " + manager);
        await Expect(page.GetByText("Fulfilled is a closed status; you can still record an assessment.")).ToBeVisibleAsync();

        // The audit trail, filtered to this commitment: the analyst's status entry and the manager's, newest first.
        await nav.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/audit$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Audit trail", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Entity key or id" }).FillAsync(code);
        var rows = GridRows(page).Filter(new() { HasText = code });
        var analystRows = rows.Filter(new() { HasText = Accounts.UserNameFor(Accounts.Analyst) });
        await Expect(analystRows.First).ToBeVisibleAsync();
        await Expect(rows.Filter(new() { HasText = manager }).First).ToBeVisibleAsync();
        await Expect(GridRows(page).Filter(new() { HasNotText = code })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", new Regex($"entity={code}"));

        // Opening the analyst's change to the commitment shows the status field, old → new.
        var analystsUpdate = analystRows.Filter(new() { HasText = "Updated" }).Filter(new() { HasText = "Commitment" }).First;
        await analystsUpdate.GetByRole(AriaRole.Button).First.ClickAsync();
        var changes = page.Locator(".audit-changes").First;
        await Expect(changes).ToBeVisibleAsync();
        await Expect(changes.GetByRole(AriaRole.Row).Filter(new() { HasText = "Confirmed" }).Filter(new() { HasText = "InProgress" })).ToHaveCountAsync(1);
        // The "Recorded Fulfilled." toast stayed on the commitment's page: moving on clears it (issue 13, item 7).
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("audit");
        await session.AssertNoSeriousAxeViolationsAsync();

        await ExpectNotAllowedAsync(session, "/admin/users", Accounts.Manager);
        await ExpectNotAllowedAsync(session, "/admin/webhooks", Accounts.Manager);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_adds_a_person_and_issues_a_key_that_is_shown_once_and_stops_when_revoked()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Administrator);
        var page = session.Page;
        var nav = page.Locator(".mud-drawer");
        var person = $"e2e-person-{Guid.NewGuid():N}"[..22];
        var keyName = $"Reporting {Guid.NewGuid():N}"[..18];

        await session.GotoAsync("/admin/users");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Webhooks" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "User name" }).FillAsync(person);
        await MudUi.SelectAsync(page, "Role", "Viewer");
        await page.GetByLabel("Initial password").FillAsync("a passphrase for the new person");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        var personRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = person, Exact = true }) });
        await Expect(personRow).ToHaveCountAsync(1);
        await Expect(personRow.Locator("input").First).ToHaveValueAsync("Viewer");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "User name" })).ToBeEmptyAsync();
        await Expect(page.GetByText("Required", new() { Exact = true })).ToHaveCountAsync(0);
        using (var client = host.CreateClient())
        {
            (await client.GetStringAsync(new Uri("/api/v1/users", UriKind.Relative), Ct)).ShouldContain($"\"{person}\"");
        }

        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await nav.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Name\\b") }).FillAsync(keyName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();

        var issued = page.GetByTestId("issued-key");
        await Expect(issued).ToContainTextAsync($"Key “{keyName}” created. Copy it now: it cannot be shown again.");
        var keyText = issued.Locator("code.issued-key");
        await Expect(keyText).ToHaveTextAsync(new Regex("^ctk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$"));
        var key = (await keyText.InnerTextAsync()).Trim();
        await issued.GetByRole(AriaRole.Button, new() { Name = "Copy", Exact = true }).ClickAsync();
        await Expect(issued.GetByRole(AriaRole.Button, new() { Name = "Copied", Exact = true })).ToBeVisibleAsync();
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe(key);
        var keyRow = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = keyName, Exact = true }) });
        await Expect(keyRow.GetByText("Active", new() { Exact = true })).ToBeVisibleAsync();
        // The form is ready for the next key, not flagged as if it had been sent empty.
        await Expect(page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Name\\b") })).ToBeEmptyAsync();
        await Expect(page.GetByText("Required", new() { Exact = true })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("api-keys");
        await session.AssertNoSeriousAxeViolationsAsync();

        // The key works over plain HTTP, with nothing but the header.
        using var program = host.CreateAnonymousClient();
        (await GetWithKeyAsync(program, key)).ShouldBe(HttpStatusCode.OK);

        // Shown once: a reload lists the key by name and prefix, never its text.
        await session.GotoAsync("/admin/api-keys");
        await Expect(keyRow.GetByText("Active", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("issued-key")).ToHaveCountAsync(0);
        (await page.ContentAsync()).ShouldNotContain(key);
        await Expect(keyRow.Locator("code")).ToHaveTextAsync(key.Split('_')[1]);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {keyName}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"“{keyName}”");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(keyRow.GetByText("Revoked", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {keyName}" })).ToHaveCountAsync(0);

        (await GetWithKeyAsync(program, key)).ShouldBe(HttpStatusCode.Unauthorized);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_administrator_subscribes_a_receiver_and_sees_its_secret_once()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Administrator);
        var page = session.Page;
        var name = $"Ministry dashboard {Guid.NewGuid():N}"[..25];

        await session.GotoAsync("/admin/webhooks");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Name\\b") }).FillAsync(name);
        // Nothing listens on the discard port: any delivery fails at once, which the page then reports.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "URL" }).FillAsync("http://127.0.0.1:9/hooks/commitments");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "commitment.overdue" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create subscription" }).ClickAsync();

        await Expect(page.GetByTestId("webhook-secret")).ToHaveTextAsync(new Regex("^whsec_"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }) });
        await Expect(row).ToContainTextAsync("commitment.overdue");
        await Expect(row.GetByText("Enabled", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Required", new() { Exact = true })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("webhooks");
        await session.AssertNoSeriousAxeViolationsAsync();

        await session.GotoAsync("/admin/webhooks");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("webhook-secret")).ToHaveCountAsync(0);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    private static async Task SignInThroughTheFormAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.WaitForSelectorAsync(PageSession.CircuitReadySelector, new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync($"{userName} · Viewer");
    }

    private static ILocator GridRows(IPage page) => page.Locator(".mud-table-root tbody").GetByRole(AriaRole.Row);

    private static async Task ExpectOptionAsync(IPage page, string name, bool enabled)
    {
        var option = page.GetByRole(AriaRole.Option, new() { Name = name, Exact = true });
        await Expect(option).ToBeVisibleAsync();
        if (enabled)
        {
            await Expect(option).ToBeEnabledAsync();
        }
        else
        {
            await Expect(option).ToBeDisabledAsync();
        }
    }

    private static async Task ExpectNotAllowedAsync(PageSession session, string path, string role)
    {
        await session.GotoAsync(path);
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed", Level = 1 })).ToBeVisibleAsync();
        await Expect(session.Page.Locator("main")).ToContainTextAsync($"You are signed in as {Accounts.UserNameFor(role)} ({role}).");
    }

    private static async Task<HttpStatusCode> GetWithKeyAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/commitments/NSK-2023-009", UriKind.Relative));
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    /// <summary>Captures an open-ended commitment in NSK-2023 as the administrator and confirms it; returns its code.</summary>
    private async Task<string> CaptureConfirmedAsync(string purpose)
    {
        using var client = host.CreateClient();
        using var created = await client.PostAsJsonAsync(new Uri("/api/v1/commitments", UriKind.Relative), new
        {
            meeting = "NSK-2023",
            title = $"Role test ({purpose}): find mutually beneficial directions of cooperation {Guid.NewGuid():N}",
            kind = "Cooperation",
            modality = "Tentative",
            issuer = "BY",
            responsibilities = new[] { new { party = "BY-GOV", role = "Lead" }, new { party = "RU-NVS", role = "Counterpart" } },
            spans = new[] { new { start = 1502, end = 1587, quote = "There are plenty of directions and opportunities for mutually beneficial cooperation." } },
        }, Ct);
        var body = await created.Content.ReadAsStringAsync(Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
        using var confirmed = await client.PostAsJsonAsync(new Uri($"/api/v1/commitments/{code}/status-history", UriKind.Relative), new { status = "Confirmed" }, Ct);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync(Ct));
        return code;
    }

    private async Task<HttpClient> SignedInClientAsync(string role)
    {
        using (var administrator = host.CreateClient())
        {
            await Accounts.EnsureUserAsync(administrator, role, Ct);
        }

        var client = HostProcess.WithCsrfHeader(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = host.BaseAddress });
        try
        {
            await Accounts.SignInAsync(client, Accounts.UserNameFor(role), Accounts.PasswordFor(role), Ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(HttpClient client, string code)
    {
        using (client)
        {
            var history = await client.GetFromJsonAsync<List<HistoryEntry>>(new Uri($"/api/v1/commitments/{code}/status-history", UriKind.Relative), new JsonSerializerOptions(JsonSerializerDefaults.Web), Ct);
            return history ?? [];
        }
    }

    private sealed record HistoryEntry(string Status, string? Rationale, string? Author);
}
