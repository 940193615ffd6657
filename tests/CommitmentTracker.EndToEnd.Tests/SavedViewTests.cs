using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// Issue 13, item 9: named saved views on the commitments grid (decision 0044). An analyst saves the view on screen,
/// finds it again after a reload, opens it, shares it; a viewer sees it under Shared views and opens it; the analyst
/// deletes it and it is gone for both. axe runs on the open menu and on the save dialog.
/// </summary>
public sealed class SavedViewTests(HostProcess host, BrowserFixture browser)
{
    private const string ViewQuery = "kind=CulturalEvent&sort=-due";

    [Fact]
    public async Task A_view_is_saved_reopened_shared_seen_by_another_person_and_deleted()
    {
        var name = $"Cultural events, latest due {Guid.NewGuid():N}"[..40];
        await using var analyst = await browser.NewSessionAsync(host, Accounts.Analyst);
        var page = analyst.Page;
        await analyst.GotoAsync($"/commitments?{ViewQuery}");

        // Save the view on screen, privately (the default).
        await OpenMenuAsync(page);
        await analyst.AssertNoSeriousAxeViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save this view…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        var nameField = dialog.GetByRole(AriaRole.Textbox, new() { Name = "Name" });
        await Expect(nameField).ToHaveValueAsync(new Regex("kind CulturalEvent"));
        await analyst.AssertNoSeriousAxeViolationsAsync();
        await nameField.FillAsync(name);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save view" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var mine = page.GetByRole(AriaRole.List, new() { Name = "My views" });
        await Expect(mine.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        await analyst.ScreenshotAsync("saved-views");

        // A name already used is refused next to the field, and nothing is saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save this view…" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync(name.ToUpperInvariant());
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save view" }).ClickAsync();
        await Expect(dialog.GetByText($"You already have a view called '{name.ToUpperInvariant()}'")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        // After a reload it is still there, and opening it from the plain grid shows its filters and sort.
        await analyst.GotoAsync("/commitments");
        await OpenMenuAsync(page);
        await mine.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"/commitments?{ViewQuery}") + "$"));
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Kind", Exact = true })).ToHaveValueAsync("CulturalEvent");

        // Share it.
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Rename or share {name}" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Share with everyone (everyone sees it under Shared views)" }).CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save view" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(mine.Locator($"li[data-view=\"{name}\"]").GetByText("shared", new() { Exact = true })).ToBeVisibleAsync();

        // Another person sees it under Shared views, with its owner, may open it and may not delete it.
        await using (var viewer = await browser.NewSessionAsync(host, Accounts.Viewer))
        {
            await viewer.GotoAsync("/commitments");
            await OpenMenuAsync(viewer.Page);
            var shared = viewer.Page.GetByRole(AriaRole.List, new() { Name = "Shared views" }).Locator($"li[data-view=\"{name}\"]");
            await Expect(shared).ToContainTextAsync($"by {Accounts.UserNameFor(Accounts.Analyst)}");
            await Expect(shared.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
            await shared.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await Expect(viewer.Page).ToHaveURLAsync(new Regex(Regex.Escape($"/commitments?{ViewQuery}") + "$"));
            viewer.ConsoleErrors.ShouldBeEmpty();
        }

        // The owner deletes it; it is gone for everyone.
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await Expect(mine.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveCountAsync(0);
        (await host.ReadJsonAsync("/api/v1/saved-views")).GetProperty("shared").EnumerateArray()
            .ShouldNotContain(v => v.GetProperty("name").GetString() == name, "the administrator no longer sees the shared view either");
        analyst.ConsoleErrors.ShouldBeEmpty();
    }

    private static async Task OpenMenuAsync(IPage page)
    {
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Saved views" });
        if (await toggle.GetAttributeAsync("aria-expanded") != "true")
        {
            await toggle.ClickAsync();
        }

        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Saved views" })).ToBeVisibleAsync();
    }
}
