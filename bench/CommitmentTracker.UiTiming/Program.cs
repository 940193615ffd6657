using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

// Time to content of the Blazor pages in a real Chromium (the distribution's; nothing is downloaded), signed in:
// for each page one warm-up load, then N loads, each timed from the navigation until the page's content is on screen
// (the dashboard's figures with the day they were counted for; the grid's first row and its pager caption), beside the
// app's shell with no data (the not-found page's heading) as the floor under both.
// Two clocks per load: this program's (until Playwright's own check sees the content: it runs in the page, so it waits
// while the page's scripts run), and the browser's (the first frame painted with the content, from the navigation's
// start: an observer installed before the page's first byte notes when the content is in the document and visible,
// then the frame after it).
// Then the everyday path: from the shell with its circuit connected, a click on the page's link in the navigation menu,
// timed the same two ways until the page's content is on screen (no new document: the circuit renders the page).
// Prints one Markdown row per page and way: page, median, min, max, every load, and the painted median. Usage:
//   CommitmentTracker.UiTiming <base-url> <user> <password> [loads]
// The password comes from the environment of bench/ui-timing.sh, never from the repository.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: CommitmentTracker.UiTiming <base-url> <user> <password> [loads]");
    return 2;
}

var baseUrl = args[0].TrimEnd('/');
var loads = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
await using var context = await browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "en-GB" });
var page = await context.NewPageAsync();
await context.AddInitScriptAsync(PaintClock);

// Waits are bounds on a slow page (a minute), not requirements: the time is what is reported.
page.SetDefaultTimeout(int.TryParse(Environment.GetEnvironmentVariable("UI_TIMING_BOUND_MS"), out var bound) ? bound : 120_000);
await page.GotoAsync("/account/sign-in");
await page.GetByLabel("User name").FillAsync(args[1]);
await page.GetByLabel("Password").FillAsync(args[2]);
await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

(string Path, Func<IPage, Task> Content)[] pages =
[
    // The shell: the layout, the scripts and a circuit, with no data. The floor under the two pages, in the same run,
    // so a slow machine or browser shows here and not as the pages' own cost.
    ("/not-found", p => p.Locator("h1").First.WaitForAsync(new() { State = WaitForSelectorState.Visible })),
    ("/", p => p.Locator("[data-as-of]").First.WaitForAsync(new() { State = WaitForSelectorState.Visible })),
    ("/commitments", async p =>
    {
        await p.Locator(".mud-data-grid tbody tr td a[href^='/commitments/']").First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await p.GetByText(new System.Text.RegularExpressions.Regex(@"^\d+-\d+ of ")).First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
    }),
];

foreach (var (path, content) in pages)
{
    await TimeAsync($"`{path}`", path, content, async () =>
    {
        // A blank page first, so every load starts from nothing (no circuit, no rendered grid) as a new visit does.
        await page.GotoAsync("about:blank");
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        return watch;
    });
}

foreach (var (path, content) in pages.Where(p => p.Path != "/not-found"))
{
    await TimeAsync($"`{path}` from the menu", path, content, async () =>
    {
        // The shell, its circuit connected (the layout says so once the browser has told it the width), then the click
        // a signed-in person makes: the page's own link in the navigation menu.
        await page.GotoAsync("/not-found");
        await page.Locator("[data-circuit='ready']").WaitForAsync();
        var link = page.Locator($".mud-navmenu a[href='{path}']");
        await link.WaitForAsync();
        await page.EvaluateAsync("path => window.__armContentClock(path)", path);
        var watch = Stopwatch.StartNew();
        await link.ClickAsync();
        return watch;
    });
}

return 0;

async Task TimeAsync(string label, string path, Func<IPage, Task> content, Func<Task<Stopwatch>> start)
{
    var times = new List<double>();
    var painted = new List<double>();
    for (var i = 0; i <= loads; i++)
    {
        var watch = await start();
        try
        {
            await content(page);
        }
        catch (TimeoutException)
        {
            // What the page showed instead, for whoever looks next.
            var dump = Path.Combine(Path.GetTempPath(), $"ui-timing-{path.Trim('/').Replace('/', '-')}.html");
            await File.WriteAllTextAsync(dump, await page.ContentAsync());
            Console.Error.WriteLine($"{label}: no content within the bound; the page as shown is in {dump}");
            throw;
        }

        watch.Stop();
        var paint = await page.EvaluateAsync<double>("() => window.__contentPainted ?? new Promise(done => window.__onContentPainted = done)");
        if (i > 0)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
            painted.Add(paint);
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {Median(times):F0} ms | {times.Min():F0} ms | {times.Max():F0} ms | {string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} | {Median(painted):F0} ms | {string.Join(", ", painted.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))} |"));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

public partial class Program
{
    // Runs in every document before its first byte is parsed. The content checks are the ones the program's own
    // waits make. performance.now() counts from the navigation's start; the frame's paint follows its animation-frame
    // callbacks, and a message posted from one is delivered after that paint. __armContentClock starts it again from
    // now, for a page the circuit renders into the same document (a click in the menu), and looks only once the address
    // is the page's: until then the page left behind is still on screen.
    private const string PaintClock = """
        (() => {
            let from = 0;
            let target = null;
            const caption = /^\d+-\d+ of /;
            const visible = e => e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
            const present = () => location.pathname === '/not-found'
                ? visible(document.querySelector('h1'))
                : location.pathname === '/'
                ? visible(document.querySelector('[data-as-of]'))
                : location.pathname === '/commitments'
                    && visible(document.querySelector(".mud-data-grid tbody tr td a[href^='/commitments/']"))
                    && [...document.querySelectorAll('.mud-table-pagination-caption, p, span, div')].some(e => e.children.length === 0 && caption.test(e.textContent.trim()) && visible(e));
            let seen = false;
            const look = () => {
                if (seen || (target !== null && location.pathname !== target) || !present()) { return; }
                seen = true;
                requestAnimationFrame(() => {
                    const channel = new MessageChannel();
                    channel.port1.onmessage = () => {
                        window.__contentPainted = performance.now() - from;
                        window.__onContentPainted?.(window.__contentPainted);
                    };
                    channel.port2.postMessage(0);
                });
            };
            window.__armContentClock = path => {
                from = performance.now();
                target = path;
                seen = false;
                window.__contentPainted = undefined;
                window.__onContentPainted = undefined;
            };
            new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        })();
        """;
}
