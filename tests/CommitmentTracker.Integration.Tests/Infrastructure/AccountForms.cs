using System.Net;
using System.Text.RegularExpressions;

namespace CommitmentTracker.Integration.Tests.Infrastructure;

/// <summary>Drives the real server-rendered account forms over HTTP, the way a browser does.</summary>
public static partial class AccountForms
{
    public const string CookieName = ".AspNetCore.Identity.Application";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Loads the sign-in form (which sets the antiforgery cookie) and posts it with the page's token.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string userName, string password, string returnUrl = "/")
    {
        var page = await browser.GetStringAsync("/account/sign-in", Ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(page),
            ["UserName"] = userName,
            ["Password"] = password,
            ["ReturnUrl"] = returnUrl,
        });
        return await browser.PostAsync("/account/sign-in", form, Ct);
    }

    /// <summary>The antiforgery token of a rendered form.</summary>
    public static string AntiforgeryToken(string html)
    {
        var input = TokenInput().Match(html);
        input.Success.ShouldBeTrue("the page has no antiforgery token");
        var token = WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
        token.ShouldNotBeNullOrEmpty();
        return token;
    }

    /// <summary>Whether the response issues a (non-empty) sign-in cookie.</summary>
    public static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal) && !c.StartsWith(CookieName + "=;", StringComparison.Ordinal));

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*>""")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
