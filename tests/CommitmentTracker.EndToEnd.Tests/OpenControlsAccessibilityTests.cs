using System.Net;
using System.Net.Http.Json;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13: axe (WCAG 2 A and AA rules) on what a page shows only while it is open — the phone's navigation menu,
/// the confirmations before a key is revoked or a subscription deleted, the bulk form, the status form with its list
/// open, the date picker, the column menu and the save-view dialog. <see cref="AccessibilityTests"/> checks the pages
/// as they load; these are the states it never reaches. No serious or critical violation in any of them.
/// </summary>
public sealed class OpenControlsAccessibilityTests(HostProcess host, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_navigation_menu_open_on_a_phone()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Administrator);
        var page = session.Page;
        await page.SetViewportSizeAsync(390, 844);
        await session.GotoAsync("/");

        await Viewport.ExpectMenuSettledClosedAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        var drawer = page.Locator(".mud-drawer");
        await Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Webhooks", Exact = true })).ToBeInViewportAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Your account" })).ToBeVisibleAsync();
        await session.AssertNoSeriousAxeViolationsAsync();
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_confirmation_before_a_key_is_revoked()
    {
        var name = $"Axe dialog key {Guid.NewGuid():N}"[..30];
        using (var client = host.CreateClient())
        {
            using var issued = await client.PostAsJsonAsync(new Uri("/api/v1/api-keys", UriKind.Relative), new { name, scopes = new[] { "read" } }, Ct);
            issued.StatusCode.ShouldBe(HttpStatusCode.Created, await issued.Content.ReadAsStringAsync(Ct));
        }

        await using var session = await browser.NewSessionAsync(host, Accounts.Administrator);
        var page = session.Page;
        await session.GotoAsync("/admin/api-keys");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("stops working at once");
        await session.AssertNoSeriousAxeViolationsAsync();

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToContainTextAsync("Revoked");
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_confirmation_before_a_subscription_is_deleted()
    {
        var name = $"Axe dialog hook {Guid.NewGuid():N}"[..28];
        using (var client = host.CreateClient())
        {
            using var created = await client.PostAsJsonAsync(new Uri("/api/v1/webhooks", UriKind.Relative), new { name, url = "http://127.0.0.1:9/hooks/axe", eventTypes = new[] { "commitment.overdue" } }, Ct);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        }

        await using var session = await browser.NewSessionAsync(host, Accounts.Administrator);
        var page = session.Page;
        await session.GotoAsync("/admin/webhooks");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await row.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"Delete {name} with its delivery log?");
        await session.AssertNoSeriousAxeViolationsAsync();

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_bulk_form_the_column_menu_and_the_save_view_dialog_on_the_grid()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = session.Page;
        await session.GotoAsync("/commitments?q=NSK-2023-001");
        await Expect(page.Locator(".mud-data-grid tbody tr")).ToHaveCountAsync(1);

        // Ticking a row opens the bulk form above the grid; nothing is applied.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select NSK-2023-001" }).CheckAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Clear selection" })).ToBeVisibleAsync();
        await session.AssertNoSeriousAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear selection" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Clear selection" })).ToHaveCountAsync(0);

        // The column menu, opened and closed from the keyboard.
        await page.GetByRole(AriaRole.Button, new() { Name = "Columns" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Menu)).ToBeVisibleAsync();
        await session.AssertNoSeriousAxeViolationsAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Menu)).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Saved views" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save this view…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await session.AssertNoSeriousAxeViolationsAsync();
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_status_form_open_with_its_status_list_and_its_date_picker()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = session.Page;
        await session.GotoAsync("/overdue?party=RU-NVS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record status" }).First.ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Record a status entry" });
        await Expect(form).ToBeVisibleAsync();
        await session.AssertNoSeriousAxeViolationsAsync();

        await form.GetByRole(AriaRole.Combobox, new() { Name = "Status", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await session.AssertNoSeriousAxeViolationsAsync();
        await MudUi.CloseAsync(page);

        await OpenPickerAsync(page, form.GetByRole(AriaRole.Textbox, new() { Name = "Effective date" }));
        await session.AssertNoSeriousAxeViolationsAsync();
        session.ConsoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_dashboards_date_picker_open()
    {
        await using var session = await browser.NewSessionAsync(host, Accounts.Manager);
        var page = session.Page;
        await session.GotoAsync("/");
        await Expect(page.Locator("[data-as-of]")).ToBeVisibleAsync();

        await OpenPickerAsync(page, page.GetByRole(AriaRole.Textbox, new() { Name = "As of" }));
        await session.ScreenshotAsync("date-picker-open");
        await session.AssertNoSeriousAxeViolationsAsync();
        session.ConsoleErrors.ShouldBeEmpty();
    }

    /// <summary>Opens a MudDatePicker's calendar from its button and waits until the calendar is shown.</summary>
    private static async Task OpenPickerAsync(IPage page, ILocator field)
    {
        await MudUi.ControlOf(field).Locator("button").First.ClickAsync();
        var calendar = page.Locator(".mud-picker-calendar-container").First;
        await Expect(calendar).ToBeVisibleAsync();
        // The whole week is shown: Saturday's column is not cut off by the calendar's box.
        await Expect(calendar.GetByText("Sat", new() { Exact = true })).ToBeInViewportAsync(new() { Ratio = 1 });
    }
}
