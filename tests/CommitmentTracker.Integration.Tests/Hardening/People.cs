using System.Net;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Hardening;

/// <summary>Real people (signed in through the real form, with the real cookie) and real API keys for the hardening tests.</summary>
public static class People
{
    public const string Password = "a long enough passphrase";

    /// <summary>The header the app's own code sends with cookie-authenticated API writes.</summary>
    public const string CsrfHeader = "X-CSRF";

    public static async Task<string> NewUserAsync(this AppFactory app, string role)
    {
        var userName = $"h.{role.ToLowerInvariant()}.{Guid.NewGuid():N}"[..24];
        await app.Api().PostJsonAsync("/api/v1/users", new CreateUserCommand(userName, role, Password)).ShouldBeJsonAsync<UserDto>(HttpStatusCode.Created);
        return userName;
    }

    /// <summary>A browser-like client signed in with the sign-in cookie (no CSRF header unless asked).</summary>
    public static async Task<HttpClient> SignedInAsync(this AppFactory app, string role, bool csrfHeader = false)
    {
        var browser = app.Anonymous();
        var userName = await app.NewUserAsync(role);
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(browser, userName, Password)).ShouldBeTrue();
        if (csrfHeader)
        {
            browser.DefaultRequestHeaders.Add(CsrfHeader, "1");
        }

        return browser;
    }

    public static async Task<CreatedApiKeyDto> NewKeyAsync(this AppFactory app, params string[] scopes) =>
        await app.Api().PostJsonAsync("/api/v1/api-keys", new CreateApiKeyCommand($"Hardening {Guid.NewGuid():N}", scopes))
            .ShouldBeJsonAsync<CreatedApiKeyDto>(HttpStatusCode.Created);

    public static HttpClient WithKey(this AppFactory app, string key)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeySecret.Header, key);
        return client;
    }

    public static string[] AllRoles => [Roles.Viewer, Roles.Analyst, Roles.Manager, Roles.Administrator];
}
