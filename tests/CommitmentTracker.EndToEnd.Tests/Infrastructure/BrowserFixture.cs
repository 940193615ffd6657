using Microsoft.Playwright;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole run (assembly fixture): the distribution's /usr/bin/chromium, driven by the
/// Playwright driver that ships in the NuGet package. Nothing is downloaded. Without Chromium every browser test is
/// skipped with <see cref="SkipReason"/>, unless E2E_REQUIRE_BROWSER=1 (CI), which fails the run instead.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string RequireBrowserVariable = "E2E_REQUIRE_BROWSER";

    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    /// <summary>Set when Chromium is not installed here (and not required); browser tests skip with it.</summary>
    public string? SkipReason { get; private set; }

    public static bool BrowserRequired => Environment.GetEnvironmentVariable(RequireBrowserVariable) == "1";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var reason = $"Chromium not found at {ChromiumPath}; install it (apt-get install -y chromium) or set {RequireBrowserVariable}=1 to require it";
            if (BrowserRequired)
            {
                throw new InvalidOperationException($"{RequireBrowserVariable}=1 but Chromium is not installed at {ChromiumPath}: apt-get install -y --no-install-recommends chromium");
            }

            SkipReason = reason;
            return;
        }

        // The driver must never fetch a browser of its own: the distribution's Chromium is the one used.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // How long an expectation waits for the page to get there, not a speed requirement: on two busy cores an
        // import and its redirect can take longer than Playwright's 5 s default, and a slow pass is still a pass.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchArgs,
        });
    }

    /// <summary>
    /// A fresh browser context and page on <paramref name="host"/>, signed in as the test person of
    /// <paramref name="role"/> (through the sign-in form, once per role; later contexts reuse its cookies).
    /// Skips the test when Chromium is absent.
    /// </summary>
    public async Task<PageSession> NewSessionAsync(HostProcess host, string role = Accounts.Administrator)
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var state = await SignedInStateAsync(host, role);
        var context = await NewContextAsync(host, state);
        try
        {
            var page = await context.NewPageAsync();
            return new PageSession(context, page, host);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>A context with nobody signed in.</summary>
    public async Task<PageSession> NewAnonymousSessionAsync(HostProcess host)
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var context = await NewContextAsync(host, null);
        return new PageSession(context, await context.NewPageAsync(), host);
    }

    private readonly Dictionary<string, string> _signedIn = [];
    private readonly SemaphoreSlim _signingIn = new(1, 1);

    private Task<IBrowserContext> NewContextAsync(HostProcess host, string? storageState) =>
        Browser!.NewContextAsync(new()
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1366, Height = 900 },
            Locale = "en-GB",
            StorageState = storageState,
        });

    private async Task<string> SignedInStateAsync(HostProcess host, string role)
    {
        await _signingIn.WaitAsync();
        try
        {
            if (_signedIn.TryGetValue(role, out var known))
            {
                return known;
            }

            using (var administrator = host.CreateClient())
            {
                await Accounts.EnsureUserAsync(administrator, role, CancellationToken.None);
            }

            await using var context = await NewContextAsync(host, null);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/sign-in");
            await page.GetByLabel("User name").FillAsync(Accounts.UserNameFor(role));
            await page.GetByLabel("Password").FillAsync(Accounts.PasswordFor(role));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
            return _signedIn[role] = await context.StorageStateAsync();
        }
        finally
        {
            _signingIn.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _signingIn.Dispose();
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            await Browser.DisposeAsync();
            Browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
    }
}
