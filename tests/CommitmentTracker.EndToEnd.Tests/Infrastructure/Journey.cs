using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A person's way through the pages, one counted step per thing they do (open an address, click, type into a field,
/// press a key). Before each step the control must be visible and lie within the screen's width, so on a phone every
/// control the journey uses is reachable without scrolling sideways (issue 13). Waits are on state, never on time.
/// </summary>
public sealed class Journey(PageSession session)
{
    private readonly List<string> _steps = [];

    private IPage Page => session.Page;

    /// <summary>What the person did, in order ("3. click Overdue").</summary>
    public IReadOnlyList<string> Steps => _steps;

    public async Task GotoAsync(string path, string what)
    {
        await session.GotoAsync(path);
        Count($"open {what}");
    }

    public async Task ClickAsync(ILocator control, string what)
    {
        await ReachableAsync(control, what);
        await control.ClickAsync();
        Count($"click {what}");
    }

    public async Task FillAsync(ILocator field, string value, string what)
    {
        await ReachableAsync(field, what);
        await field.FillAsync(value);
        Count($"type into {what}");
    }

    public async Task PressAsync(ILocator field, string key, string what)
    {
        await ReachableAsync(field, what);
        await field.PressAsync(key);
        Count($"press {key} in {what}");
    }

    /// <summary>A MudSelect: open the field named <paramref name="label"/> and pick <paramref name="option"/> (two steps); waits until the list has closed.</summary>
    public async Task SelectAsync(string label, string option)
    {
        await ClickAsync(Page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }), $"the {label} field");
        await ClickAsync(Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }), $"the option {option}");
        await Expect(Page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
    }

    /// <summary>On a phone the navigation lives behind the menu button: open it and follow <paramref name="link"/> (two steps); waits for the page's heading.</summary>
    public async Task NavigateAsync(string link)
    {
        await Viewport.ExpectMenuSettledClosedAsync(Page);
        await ClickAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }), "the menu button");
        var inMenu = Page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = link, Exact = true });

        // The drawer opens after a round trip to the server. Its closed link is "visible" off screen and still, so it
        // would pass as settled, and then the slide starts under the measurement (a CI run: x = −9 px). Wait until the
        // link is wholly on screen.
        await Expect(inMenu).ToBeInViewportAsync(new() { Ratio = 1 });
        await ClickAsync(inMenu, $"{link} in the menu");
        // Each page's heading is its menu link's name: the page the link opened, not the one it left, is on screen.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = link, Exact = true, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Writes the steps to the test's output and returns their number.</summary>
    public int Report(string who)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"{who}: {_steps.Count} steps at {Page.ViewportSize?.Width} px");
        foreach (var step in _steps)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(step);
        }

        return _steps.Count;
    }

    private async Task ReachableAsync(ILocator control, string what)
    {
        await Expect(control).ToBeVisibleAsync();
        await control.ScrollIntoViewIfNeededAsync();
        await Viewport.ExpectFitsAsync(Page, control, what);
    }

    private void Count(string step) => _steps.Add($"{_steps.Count + 1}. {step}");
}
