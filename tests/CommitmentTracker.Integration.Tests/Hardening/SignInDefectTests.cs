using System.Net;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Hardening;

/// <summary>The app with a password hasher that counts verifications, the work that made a known name slower to refuse.</summary>
public sealed class CountingHasherAppFactory : SqliteAppFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<IdentityUser>>(Hasher));
    }

    public sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _real = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(IdentityUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>
/// Issue 14, items 4 and 6: return addresses that leave the site (or break the Location header), a session that a
/// copied cookie kept alive after sign-out, and user names told apart by the lockout message and the response time.
/// </summary>
public sealed class SignInDefectTests(CountingHasherAppFactory app) : IClassFixture<CountingHasherAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\nSet-Cookie: x=y")]
    [InlineData("/ /evil.example")]
    [InlineData("/\\/evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/%09/evil.example/x\n")]
    public async Task A_return_address_that_a_browser_would_read_as_another_host_lands_on_the_home_page(string returnUrl)
    {
        var userName = await app.NewUserAsync(Roles.Viewer);

        var response = await AccountForms.SignInAsync(app.Anonymous(), userName, People.Password, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        AccountForms.SetsAuthCookie(response).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_password_with_a_line_break_in_the_return_address_is_a_redirect_not_a_500()
    {
        var response = await AccountForms.SignInAsync(app.Anonymous(), "nobody-at-all", "wrong password", "/overdue\r\nX-Injected: 1");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("/account/sign-in?error=invalid");
        response.Headers.Contains("X-Injected").ShouldBeFalse();
    }

    [Fact]
    public async Task A_return_address_on_this_site_is_kept()
    {
        var userName = await app.NewUserAsync(Roles.Viewer);

        var response = await AccountForms.SignInAsync(app.Anonymous(), userName, People.Password, "/commitments?status=Captured&q=trade%20fair");

        response.Headers.Location!.OriginalString.ShouldBe("/commitments?status=Captured&q=trade%20fair");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_stops_working()
    {
        var userName = await app.NewUserAsync(Roles.Analyst);
        var browser = app.Anonymous();
        var signedIn = await AccountForms.SignInAsync(browser, userName, People.Password);

        // The attacker's copy of the cookie, replayed from another client.
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountForms.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        var copy = app.Anonymous();
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        (await copy.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session is open");

        var token = AccountForms.AntiforgeryToken(await browser.GetStringAsync("/", Ct));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        (await browser.PostAsync("/account/sign-out", form, Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await copy.GetAsync("/api/v1/commitments", Ct).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        // Signing in again opens a new session; other sessions of the same person are not affected by this one's end.
        var again = app.Anonymous();
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(again, userName, People.Password)).ShouldBeTrue();
        (await again.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_locked_account_an_unknown_name_and_a_wrong_password_get_the_same_answer_and_the_same_work()
    {
        var locked = await app.NewUserAsync(Roles.Viewer);
        var browser = app.Anonymous();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await AccountForms.SignInAsync(browser, locked, $"wrong password number {attempt}");
        }

        var known = await app.NewUserAsync(Roles.Viewer);
        var answers = new Dictionary<string, (string Location, int Verifications)>();
        foreach (var (label, userName, password) in new[]
        {
            ("wrong password", known, "not the password at all"),
            ("unknown name", $"nobody.{Guid.NewGuid():N}"[..20], "not the password at all"),
            ("locked account, right password", locked, People.Password),
            ("locked account, wrong password", locked, "not the password at all"),
        })
        {
            var before = app.Hasher.Verifications;
            var response = await AccountForms.SignInAsync(browser, userName, password);
            var location = response.Headers.Location!.OriginalString.Replace(Uri.EscapeDataString(userName), "NAME", StringComparison.Ordinal);
            answers[label] = (location, app.Hasher.Verifications - before);
            AccountForms.SetsAuthCookie(response).ShouldBeFalse(label);
        }

        answers.Values.Select(a => a.Location).Distinct().ShouldHaveSingleItem($"every refusal reads the same: {string.Join("; ", answers)}");
        answers.Values.ShouldAllBe(a => a.Verifications == 1, $"every refusal costs one password-hash verification: {string.Join("; ", answers)}");
        (await browser.GetStringAsync(answers["unknown name"].Location.Replace("NAME", "x", StringComparison.Ordinal), Ct)).ShouldContain("The user name or password is not right.");
    }
}
