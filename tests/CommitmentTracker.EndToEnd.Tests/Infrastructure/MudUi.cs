using System.Globalization;
using Microsoft.Playwright;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>
/// How a person works MudBlazor 9 controls. A MudSelect is not a native select: its field is a combobox named by its
/// label, and its options (role option) render in a popover at the end of the layout once the field is clicked.
/// </summary>
public static class MudUi
{
    /// <summary>Opens the select labelled <paramref name="label"/>, clicks the option named <paramref name="option"/> and waits until the list has closed.</summary>
    public static async Task SelectAsync(IPage page, string label, string option)
    {
        await PickAsync(page, label, option);
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
    }

    /// <summary>Opens the select labelled <paramref name="label"/> and clicks the option named <paramref name="option"/>; a multi-select stays open (see <see cref="CloseAsync"/>).</summary>
    public static async Task PickAsync(IPage page, string label, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>Closes an open select list with Escape, as a keyboard user would.</summary>
    public static async Task CloseAsync(IPage page)
    {
        // An Escape that reaches the page while the circuit is still rendering the last pick can be lost (seen under
        // CI load); the list staying open is the state we wait on, so press again rather than wait longer.
        for (var attempt = 1; ; attempt++)
        {
            await page.Keyboard.PressAsync("Escape");
            try
            {
                await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0, new() { Timeout = attempt < 3 ? 3_000 : 10_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>The whole MudBlazor input control around a field: its label, the field, and the helper or error text under it.</summary>
    public static ILocator ControlOf(ILocator field) =>
        field.Locator("xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' mud-input-control ')][1]");

    /// <summary>The paper (card) whose heading is <paramref name="heading"/>.</summary>
    public static ILocator Card(IPage page, string heading) =>
        page.Locator(".mud-paper").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });

    /// <summary>A dashboard figure (the number on a summary card), read as an integer.</summary>
    public static async Task<int> FigureAsync(IPage page, string label)
    {
        var text = await page.Locator($"[data-figure=\"{label}\"]").InnerTextAsync();
        return int.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
