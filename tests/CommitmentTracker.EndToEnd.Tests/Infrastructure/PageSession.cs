using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One browser context (1366x900, en-GB) and page on the Host. <see cref="GotoAsync"/> waits for the Blazor
/// circuit: an interactive Blazor Server page ignores clicks until its circuit is connected.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    /// <summary>Set by MainLayout on its root element once the circuit renders interactively and the navigation drawer has settled for the browser width.</summary>
    public const string CircuitReadySelector = "[data-circuit=\"ready\"]";

    public static readonly TimeSpan CircuitTimeout = TimeSpan.FromSeconds(15);

    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];

    internal PageSession(IBrowserContext context, IPage page, HostProcess host)
    {
        _context = context;
        Page = page;
        Host = host;
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add(message.Text);
                }
            }
        };
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (_consoleErrors)
                {
                    _consoleErrors.Add($"{response.Status} for {response.Request.Method} {response.Url}");
                }
            }
        };
        Page.PageError += (_, error) =>
        {
            lock (_consoleErrors)
            {
                _consoleErrors.Add("page error: " + error);
            }
        };
    }

    public IPage Page { get; }

    public HostProcess Host { get; }

    /// <summary>Browser console errors, uncaught page errors and HTTP error responses seen so far.</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    /// <summary>
    /// Navigates to <paramref name="path"/> (relative to the Host) and waits until the page is interactive:
    /// window.Blazor is loaded and the layout's <c>data-circuit="ready"</c> marker is present.
    /// <paramref name="readySelector"/> replaces the marker with another selector (a stop-gap for pages that
    /// do not set the marker yet; it does not prove the circuit is connected, so do not click after it).
    /// </summary>
    public async Task<IResponse?> GotoAsync(string path, string? readySelector = null)
    {
        var response = await Page.GotoAsync(path);
        response.ShouldNotBeNull($"no response for {path}");
        response.Ok.ShouldBeTrue($"GET {path} answered {response.Status} {response.StatusText}");

        var timeout = (float)CircuitTimeout.TotalMilliseconds;
        try
        {
            await Page.WaitForFunctionAsync("() => window.Blazor !== undefined", null, new() { Timeout = timeout });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"window.Blazor was not defined {CircuitTimeout.TotalSeconds:0} s after loading {path}: blazor.web.js did not load.{DescribeConsoleErrors()}");
        }

        if (readySelector is not null)
        {
            await Page.WaitForSelectorAsync(readySelector, new() { State = WaitForSelectorState.Visible, Timeout = timeout });
            return response;
        }

        try
        {
            await Page.WaitForSelectorAsync(CircuitReadySelector, new() { State = WaitForSelectorState.Attached, Timeout = timeout });
        }
        catch (TimeoutException)
        {
            Assert.Fail(
                $"The Blazor circuit marker {CircuitReadySelector} did not appear within {CircuitTimeout.TotalSeconds:0} s on {path}. " +
                "The layout must set data-circuit=\"ready\" on its root element once the navigation drawer has reported the browser width (interactive render only)." +
                DescribeConsoleErrors());
        }

        return response;
    }

    /// <summary>Saves a full-page PNG to TestResults/screenshots/<paramref name="name"/>.png at the repository root; returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var folder = Path.Combine(Repository.TestResults, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
        return file;
    }

    /// <summary>Runs axe-core on the current page; fails listing every violation whose impact is serious or critical.</summary>
    public async Task AssertNoSeriousAxeViolationsAsync()
    {
        // A snackbar, menu or dialog fading in or out is half transparent: axe would measure the contrast of a colour
        // nobody reads (a column menu still opening failed a CI run). Wait for every transition that ends to end.
        await Page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('.mud-snackbar')].every(s => s.getAnimations({ subtree: true }).length === 0 && getComputedStyle(s).opacity === '1')"
            + " && document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)",
            null, new() { Timeout = (float)CircuitTimeout.TotalMilliseconds });
        var result = await Page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .ToList();
        if (serious.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.Append(System.Globalization.CultureInfo.InvariantCulture, $"axe found {serious.Count} serious or critical violation(s) on {Page.Url}:");
        foreach (var violation in serious)
        {
            var targets = violation.Nodes.Take(3).Select(node => node.Target?.ToString() ?? "?");
            message.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"\n- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.Nodes.Length} node(s): {string.Join(", ", targets)}]");
        }

        Assert.Fail(message.ToString());
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private string DescribeConsoleErrors()
    {
        var errors = ConsoleErrors;
        return errors.Count == 0 ? string.Empty : " Browser errors: " + string.Join(" | ", errors);
    }
}
