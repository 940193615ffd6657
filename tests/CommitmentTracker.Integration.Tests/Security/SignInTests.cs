using System.Net;
using System.Text.RegularExpressions;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Security;

/// <summary>
/// The sign-in form as a browser uses it: antiforgery token from the page, the cookie it sets, the errors it
/// redirects with, lockout, and signing out. Each test signs in as its own person, so lockout touches no one else.
/// </summary>
public abstract class SignInTests(AppFactory app)
{
    private const string Password = "a long enough passphrase";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_right_password_signs_in_returns_to_the_page_and_the_cookie_reads_the_api()
    {
        var userName = await NewUserAsync(Roles.Analyst);
        var browser = app.Anonymous();
        (await browser.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var response = await AccountForms.SignInAsync(browser, userName, Password, "/commitments?status=Captured");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/commitments?status=Captured");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountForms.CookieName + "=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);

        (await browser.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await browser.GetStringAsync("/", Ct);
        page.ShouldContain($"<strong>{userName}</strong> · {Roles.Analyst}");
    }

    [Fact]
    public async Task A_wrong_password_redirects_with_an_error_and_sets_no_cookie()
    {
        var userName = await NewUserAsync(Roles.Viewer);
        var browser = app.Anonymous();

        var response = await AccountForms.SignInAsync(browser, userName, "not the password at all", "/overdue");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.ShouldStartWith("/account/sign-in?error=invalid");
        location.ShouldContain("returnUrl=%2Foverdue");
        AccountForms.SetsAuthCookie(response).ShouldBeFalse();
        (await browser.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await browser.GetStringAsync(location, Ct)).ShouldContain("The user name or password is not right.");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        var userName = await NewUserAsync(Roles.Viewer);
        var browser = app.Anonymous();
        await browser.GetAsync("/account/sign-in", Ct); // the antiforgery cookie alone is not enough

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = Password, ["ReturnUrl"] = "/" });
        var response = await browser.PostAsync("/account/sign-in", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        AccountForms.SetsAuthCookie(response).ShouldBeFalse();
        (await browser.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_address_off_this_site_lands_on_the_home_page(string returnUrl)
    {
        var userName = await NewUserAsync(Roles.Viewer);

        var response = await AccountForms.SignInAsync(app.Anonymous(), userName, Password, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        AccountForms.SetsAuthCookie(response).ShouldBeTrue();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_the_right_one_fails_too()
    {
        var userName = await NewUserAsync(Roles.Viewer);
        var browser = app.Anonymous();

        var answers = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            answers.Add((await AccountForms.SignInAsync(browser, userName, $"wrong password number {attempt}", "/")).Headers.Location!.OriginalString);
        }

        // A locked account reads like a wrong password (issue 14: the message told which names exist).
        answers.ShouldAllBe(a => a.Contains("error=invalid"));
        var locked = await AccountForms.SignInAsync(browser, userName, Password, "/");
        locked.Headers.Location!.OriginalString.ShouldContain("error=invalid");
        AccountForms.SetsAuthCookie(locked).ShouldBeFalse();
        (await browser.GetStringAsync(locked.Headers.Location.OriginalString, Ct)).ShouldContain("The user name or password is not right.");
        (await app.Api().GetAsync("/api/v1/users", Ct).ShouldBeJsonAsync<List<UserDto>>()).Single(u => u.UserName == userName).IsLockedOut.ShouldBeTrue();

        // Identity's lockout runs on the system clock (UserManager reads DateTimeOffset.UtcNow, not the app's
        // TimeProvider), so the end of the 15 minutes is simulated by moving the recorded end into the past.
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = (await users.FindByNameAsync(userName)).ShouldNotBeNull();
            (await users.IsLockedOutAsync(user)).ShouldBeTrue();
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddSeconds(-1));
        }

        var after = await AccountForms.SignInAsync(browser, userName, Password, "/");
        after.Headers.Location!.OriginalString.ShouldBe("/");
        AccountForms.SetsAuthCookie(after).ShouldBeTrue();
    }

    [Fact]
    public async Task Signing_out_clears_the_cookie()
    {
        var userName = await NewUserAsync(Roles.Manager);
        var browser = app.Anonymous();
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(browser, userName, Password, "/")).ShouldBeTrue();
        var token = AccountForms.AntiforgeryToken(await browser.GetStringAsync("/", Ct));

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var response = await browser.PostAsync("/account/sign-out", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/account/sign-in");
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(AccountForms.CookieName + "=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        (await browser.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token()
    {
        var userName = await NewUserAsync(Roles.Viewer);
        var browser = app.Anonymous();
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(browser, userName, Password, "/")).ShouldBeTrue();

        // What a cross-site form would send: the browser's cookies, but no token from our page.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>());
        var response = await browser.PostAsync("/account/sign-out", form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> NewUserAsync(string role)
    {
        var userName = $"sign-in.{role.ToLowerInvariant()}.{Guid.NewGuid():N}"[..30];
        await app.Api().PostJsonAsync("/api/v1/users", new CreateUserCommand(userName, role, Password)).ShouldBeJsonAsync<UserDto>(HttpStatusCode.Created);
        return userName;
    }
}

public sealed class SqliteSignInTests(SqliteAppFactory app) : SignInTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlSignInTests(PostgreSqlAppFactory app) : SignInTests(app), IClassFixture<PostgreSqlAppFactory>;
