using Microsoft.Playwright;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>What a person on a narrow screen can reach without scrolling sideways (issue 13: the journeys at 390 px).</summary>
public static class Viewport
{
    /// <summary>Fails unless <paramref name="element"/> lies within the viewport's width.</summary>
    /// <remarks>
    /// The element may be rendered again between the wait and the measurement (the grid redraws its rows when another
    /// person's change arrives, and a CI run measured a row's link while it did, finding no box): the element on screen
    /// then is measured again, a few times at most.
    /// </remarks>
    public static async Task ExpectFitsAsync(IPage page, ILocator element, string what)
    {
        LocatorBoundingBoxResult? box = null;
        for (var attempt = 0; attempt < 5 && box is null; attempt++)
        {
            await Assertions.Expect(element).ToBeVisibleAsync();
            await SettledAsync(element);
            box = await element.BoundingBoxAsync();
        }

        box.ShouldNotBeNull($"{what} is not rendered");
        var width = page.ViewportSize!.Width;
        box.X.ShouldBeGreaterThanOrEqualTo(0, $"{what} starts left of the screen");
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(width + 0.5f, $"{what} ends at {box.X + box.Width} px on a {width} px screen");
    }

    /// <summary>
    /// Waits until <paramref name="element"/> has stopped moving: no transition running and the same box over two
    /// animation frames. A link in the drawer is visible while the drawer still slides in from the left, and a CI run
    /// measured it there (x = −49 px).
    /// </summary>
    private static async Task SettledAsync(ILocator element) =>
        await element.EvaluateAsync("""
            async element => {
                const box = () => { const r = element.getBoundingClientRect(); return `${r.x},${r.y},${r.width},${r.height}`; };
                const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
                // A transition may not have started by the first frame: wait for every finite one running now, then
                // for a still box (infinite ones, such as a progress bar, never finish and are not waited for).
                await frame();
                await Promise.all(document.getAnimations()
                    .filter(a => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
                    .map(a => a.finished.catch(() => undefined)));
                let last = box();
                for (let frames = 0; frames < 600; frames++) {
                    await frame();
                    const now = box();
                    if (now === last) return;
                    last = now;
                }
                throw new Error('the element was still moving after 600 animation frames');
            }
            """);

    /// <summary>
    /// Waits until the navigation drawer has closed itself on a narrow screen. It is rendered open and closes once the
    /// layout learns the screen's width; a tap on the menu button before that toggles it shut again (a CI run failed so).
    /// </summary>
    public static Task ExpectMenuSettledClosedAsync(IPage page) =>
        Assertions.Expect(page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true })).Not.ToBeInViewportAsync();

    /// <summary>
    /// After the viewport of a rendered page is narrowed: waits until the layout has followed (the drawer closes itself
    /// after a round trip to the server, then slides out) and no transition runs. A CI run checked the page's width in
    /// between and found it scrolling sideways.
    /// </summary>
    public static async Task ExpectNarrowLayoutSettledAsync(IPage page)
    {
        await ExpectMenuSettledClosedAsync(page);
        await page.EvaluateAsync("""
            async () => {
                await new Promise(resolve => requestAnimationFrame(() => resolve()));
                await Promise.all(document.getAnimations()
                    .filter(a => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
                    .map(a => a.finished.catch(() => undefined)));
                await new Promise(resolve => requestAnimationFrame(() => resolve()));
            }
            """);
    }

    /// <summary>Fails when the page is wider than the viewport, i.e. scrolls sideways.</summary>
    public static async Task ExpectNoSidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        widths[0].ShouldBeLessThanOrEqualTo(widths[1] + 1, $"the page is {widths[0]} px wide in a {widths[1]} px viewport: it scrolls sideways");
    }
}
