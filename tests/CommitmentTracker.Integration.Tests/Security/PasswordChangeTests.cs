using System.Net;
using System.Text.RegularExpressions;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Security;

/// <summary>
/// The change-password form as a browser uses it: signed in through the real sign-in form, the page's antiforgery
/// token, the redirects with error codes (never the passwords) and what the page then says next to each field.
/// Each test changes the password of a person of its own.
/// </summary>
public abstract class PasswordChangeTests(AppFactory app)
{
    private const string OldPassword = "the password I was given";
    private const string NewPassword = "a passphrase of my own choosing";
    private const string Path = "/account/password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_right_current_password_changes_it_the_new_one_signs_in_and_the_old_one_does_not()
    {
        var (userName, browser) = await SignedInPersonAsync();

        var response = await ChangeAsync(browser, OldPassword, NewPassword, NewPassword);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/account/password?done=1");
        AccountForms.SetsAuthCookie(response).ShouldBeTrue("the cookie is re-issued with the new security stamp");
        (await browser.GetStringAsync("/account/password?done=1", Ct)).ShouldContain("Your password was changed.");
        (await browser.GetAsync("/api/v1/commitments", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(app.Anonymous(), userName, NewPassword)).ShouldBeTrue();
        var old = await AccountForms.SignInAsync(app.Anonymous(), userName, OldPassword);
        old.Headers.Location!.OriginalString.ShouldStartWith("/account/sign-in?error=invalid");
        AccountForms.SetsAuthCookie(old).ShouldBeFalse();
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_on_that_field_and_the_old_password_still_works()
    {
        var (userName, browser) = await SignedInPersonAsync();

        var response = await ChangeAsync(browser, "not my password at all", NewPassword, NewPassword);

        var location = RedirectedBack(response);
        location.ShouldBe("/account/password?error=PasswordMismatch");
        var page = await browser.GetStringAsync(location, Ct);
        page.ShouldContain("""<div id="currentPassword-error" class="sign-in-error">Your current password is not right.</div>""");
        page.ShouldContain("""<input id="currentPassword" name="CurrentPassword" type="password" autocomplete="current-password" required aria-invalid="true" aria-describedby="currentPassword-error" />""");
        page.ShouldNotContain("Your password was changed.");

        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(app.Anonymous(), userName, OldPassword)).ShouldBeTrue();
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(app.Anonymous(), userName, NewPassword)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_new_password_that_breaks_the_rules_gets_identitys_own_message_on_the_new_password()
    {
        var (userName, browser) = await SignedInPersonAsync();

        var response = await ChangeAsync(browser, OldPassword, "too short", "too short");

        var location = RedirectedBack(response);
        location.ShouldBe("/account/password?error=PasswordTooShort");
        var page = await browser.GetStringAsync(location, Ct);
        page.ShouldContain("""<div id="newPassword-error" class="sign-in-error">Passwords must be at least 12 characters.</div>""");
        page.ShouldContain("""<div id="currentPassword-error" class="sign-in-error"></div>""");
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(app.Anonymous(), userName, OldPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_confirmation_that_differs_is_refused_on_the_confirmation_and_changes_nothing()
    {
        var (userName, browser) = await SignedInPersonAsync();

        var response = await ChangeAsync(browser, OldPassword, NewPassword, NewPassword + " but different");

        var location = RedirectedBack(response);
        location.ShouldBe("/account/password?error=confirm-mismatch");
        (await browser.GetStringAsync(location, Ct)).ShouldContain(
            """<div id="confirmPassword-error" class="sign-in-error">This is not the same as the new password above. Type it again.</div>""");
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(app.Anonymous(), userName, OldPassword)).ShouldBeTrue();
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(app.Anonymous(), userName, NewPassword)).ShouldBeFalse();
    }

    [Fact]
    public async Task Empty_fields_are_named_each_next_to_its_own_field()
    {
        var (_, browser) = await SignedInPersonAsync();

        var response = await ChangeAsync(browser, string.Empty, string.Empty, string.Empty);

        var location = RedirectedBack(response);
        location.ShouldBe("/account/password?error=current-required&error=new-required");
        var page = await browser.GetStringAsync(location, Ct);
        page.ShouldContain("""<div id="currentPassword-error" class="sign-in-error">Enter your current password.</div>""");
        page.ShouldContain("""<div id="newPassword-error" class="sign-in-error">Enter a new password.</div>""");
    }

    [Fact]
    public async Task Nobody_signed_in_is_sent_to_sign_in_for_the_page_and_the_post()
    {
        var browser = app.Anonymous();

        var page = await browser.GetAsync(Path, Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SignInAddress(page).ShouldBe("/account/sign-in?ReturnUrl=%2Faccount%2Fpassword");

        // With a valid token from the sign-in page, so only the missing sign-in can be what refuses it.
        var token = AccountForms.AntiforgeryToken(await browser.GetStringAsync("/account/sign-in", Ct));
        using var form = Form(token, OldPassword, NewPassword, NewPassword);
        var response = await browser.PostAsync(Path, form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        SignInAddress(response).ShouldBe("/account/sign-in?ReturnUrl=%2Faccount%2Fpassword");
        AccountForms.SetsAuthCookie(response).ShouldBeFalse();
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var (userName, browser) = await SignedInPersonAsync();
        await browser.GetAsync(Path, Ct); // the antiforgery cookie alone is not enough

        // What a cross-site form would send: the browser's cookies, but no token from our page.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = OldPassword,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });
        var response = await browser.PostAsync(Path, form, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(app.Anonymous(), userName, OldPassword)).ShouldBeTrue();
    }

    /// <summary>A new analyst, made by the administrator over the API, signed in through the form on a cookie client.</summary>
    private async Task<(string UserName, HttpClient Browser)> SignedInPersonAsync()
    {
        var userName = $"password.{Guid.NewGuid():N}"[..25];
        await app.Api().PostJsonAsync("/api/v1/users", new CreateUserCommand(userName, Roles.Analyst, OldPassword)).ShouldBeJsonAsync<UserDto>(HttpStatusCode.Created);
        var browser = app.Anonymous();
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(browser, userName, OldPassword)).ShouldBeTrue();
        return (userName, browser);
    }

    /// <summary>Loads the page (its token belongs to the signed-in person) and posts the three fields.</summary>
    private static async Task<HttpResponseMessage> ChangeAsync(HttpClient browser, string current, string next, string confirmation)
    {
        var token = AccountForms.AntiforgeryToken(await browser.GetStringAsync(Path, Ct));
        using var form = Form(token, current, next, confirmation);
        return await browser.PostAsync(Path, form, Ct);
    }

    private static FormUrlEncodedContent Form(string token, string current, string next, string confirmation) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["CurrentPassword"] = current,
        ["NewPassword"] = next,
        ["ConfirmPassword"] = confirmation,
    });

    /// <summary>The redirect back to the page, checked to carry no password.</summary>
    private static string RedirectedBack(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        foreach (var secret in new[] { OldPassword, NewPassword, "not my password", "too short" })
        {
            Uri.UnescapeDataString(location).ShouldNotContain(secret);
        }

        AccountForms.SetsAuthCookie(response).ShouldBeFalse();
        return location;
    }

    // The cookie handler's challenge redirects to an absolute address on this host.
    private static string SignInAddress(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;
}

public sealed class SqlitePasswordChangeTests(SqliteAppFactory app) : PasswordChangeTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlPasswordChangeTests(PostgreSqlAppFactory app) : PasswordChangeTests(app), IClassFixture<PostgreSqlAppFactory>;
