using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The people the browser tests act as. The administrator is the Host's first account (its password is given to
/// the process); the others are created once over the API by that administrator.
/// </summary>
public static partial class Accounts
{
    public const string Administrator = "Administrator";
    public const string Analyst = "Analyst";
    public const string Viewer = "Viewer";
    public const string Manager = "Manager";

    public const string AdminUserName = "admin";

    /// <summary>Given to the Host as Bootstrap__AdminPassword; used only by these tests.</summary>
    public const string AdminPassword = "e2e administrator passphrase";

    public static string UserNameFor(string role) => role == Administrator ? AdminUserName : $"e2e-{role.ToLowerInvariant()}";

    public static string PasswordFor(string role) => role == Administrator ? AdminPassword : $"e2e {role.ToLowerInvariant()} passphrase";

    /// <summary>Signs <paramref name="client"/> in through the real sign-in form (antiforgery token included).</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password, CancellationToken ct)
    {
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative), ct);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["UserName"] = userName,
            ["Password"] = password,
            ["ReturnUrl"] = "/",
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Signing in as {userName} failed: {(int)response.StatusCode} → {response.Headers.Location}");
        }
    }

    /// <summary>Creates the test person for <paramref name="role"/> unless it exists (the administrator client creates it).</summary>
    public static async Task EnsureUserAsync(HttpClient administrator, string role, CancellationToken ct)
    {
        if (role == Administrator)
        {
            return;
        }

        using var response = await administrator.PostAsJsonAsync(new Uri("/api/v1/users", UriKind.Relative),
            new { userName = UserNameFor(role), role, password = PasswordFor(role) }, ct);
        if (!response.IsSuccessStatusCode && !(await response.Content.ReadAsStringAsync(ct)).Contains("already exists", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Creating the {role} test user failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
