using System.Globalization;
using Microsoft.Playwright;
using Shouldly;

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

    /// <summary>
    /// In the party picker labelled <paramref name="label"/>, enters <paramref name="typed"/> (part of any of a party's
    /// names), clicks the option named <paramref name="option"/> among those listed and waits until the list has closed.
    /// </summary>
    public static async Task FindAsync(IPage page, string label, string typed, string option)
    {
        // Clicking the field opens the whole register, which already holds the option: a click on it there could land
        // before the search for the typed text (debounced on the server) had run, and that search then opened the list
        // again after the pick (seen once under CI load). Entered in one input without a click, the list opens only
        // with the search's result, so the option clicked is the one the search listed.
        await page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).FillAsync(typed);
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
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

    /// <summary>
    /// Chooses <paramref name="option"/> in the focused select <paramref name="combobox"/> with the keyboard alone:
    /// <paramref name="openKey"/> opens the list, the arrows move the active option (the combobox's
    /// <c>aria-activedescendant</c>) towards it, Enter takes it. <paramref name="press"/> presses a key (a journey counts
    /// its steps there).
    /// </summary>
    public static Task<string> ChooseWithKeysAsync(IPage page, ILocator combobox, string option, string openKey = "Enter", Func<string, Task>? press = null) =>
        ChooseAsync(page, combobox, name => name == option, openKey, press);

    // Each key is a round trip to the circuit, and under CI load one can arrive before the list is ready for it and be
    // lost, or arrive late: so every press waits for the state it should cause, the next key is chosen from where the
    // active option really is, and a key whose effect never came is pressed again.
    private static async Task<string> ChooseAsync(IPage page, ILocator combobox, Func<string, bool> wanted, string openKey, Func<string, Task>? press)
    {
        press ??= key => page.Keyboard.PressAsync(key);
        var listbox = page.GetByRole(AriaRole.Listbox);
        var options = listbox.GetByRole(AriaRole.Option);
        for (var attempt = 1; !await IsReadyAsync(); attempt++)
        {
            attempt.ShouldBeLessThan(4, $"the list did not open with {openKey}");
            if (await combobox.GetAttributeAsync("aria-expanded") != "true")
            {
                await press(openKey);
            }

            await WaitAsync(IsReadyAsync);
        }

        var names = (await options.AllInnerTextsAsync()).Select(name => name.Trim()).ToList();
        var target = names.FindIndex(name => wanted(name));
        target.ShouldBeGreaterThanOrEqualTo(0, $"no option is the one wanted among: {string.Join(", ", names)}");
        for (var presses = 0; ; presses++)
        {
            presses.ShouldBeLessThan(3 * names.Count, $"the active option never reached '{names[target]}'");
            var active = await ActiveIndexAsync();
            if (active >= 0 && wanted(names[active]))
            {
                target = active;
                break;
            }

            await press(active < target ? "ArrowDown" : "ArrowUp");
            await WaitAsync(async () => await ActiveIndexAsync() != active);
        }

        for (var attempt = 1; await listbox.CountAsync() > 0; attempt++)
        {
            attempt.ShouldBeLessThan(4, $"Enter did not take '{names[target]}'");
            if (await ActiveIndexAsync() == target)
            {
                await press("Enter");
            }

            await WaitAsync(async () => await listbox.CountAsync() == 0);
        }

        return names[target];

        async Task<bool> IsReadyAsync() =>
            await combobox.GetAttributeAsync("aria-expanded") == "true" && await options.CountAsync() > 0;

        async Task<int> ActiveIndexAsync()
        {
            var id = await combobox.GetAttributeAsync("aria-activedescendant");
            return string.IsNullOrEmpty(id) ? -1 : await options.EvaluateAllAsync<int>("(os, id) => os.findIndex(o => o.id === id)", id);
        }
    }

    /// <summary>Polls <paramref name="condition"/> for up to three seconds; the caller decides what a condition that never held means.</summary>
    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(3);
        while (!await condition() && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
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
