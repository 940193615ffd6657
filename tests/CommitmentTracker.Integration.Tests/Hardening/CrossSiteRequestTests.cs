using System.Net;
using System.Text;
using CommitmentTracker.Application.Accounts.ApiKeys;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Hardening;

/// <summary>
/// Issue 14, item 3, over HTTP: an unsafe API request authenticated by the sign-in cookie must come from this origin
/// and carry the X-CSRF header; API keys are unaffected. (The browser version, a page on another loopback port,
/// is in the EndToEnd tests.)
/// </summary>
public sealed class CrossSiteRequestTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string?, string?> Refused => new()
    {
        // Sec-Fetch-Site, Origin, X-CSRF, what a browser sends from…
        { "same-site", "http://localhost:5081", "1" },   // a page on another port of the same host
        { "cross-site", "https://evil.example", "1" },   // another site
        { "", "http://localhost:5081", "1" },            // an older browser: only Origin
        { "same-origin", "http://localhost", null },    // this origin, but a plain form (no header)
        { "", null, null },                            // no header at all
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_cookie_write_from_elsewhere_or_without_the_header_is_refused_and_changes_nothing(string site, string? origin, string? csrf)
    {
        var browser = await app.SignedInAsync(Roles.Administrator);
        var before = await KeyCountAsync();

        using var request = RevokeOrCreateKey(site, origin, csrf);
        var response = await browser.SendAsync(request, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("title").GetString().ShouldBe("Cross-site request refused");
        (await KeyCountAsync()).ShouldBe(before, "a refused request changes nothing");
    }

    [Fact]
    public async Task A_cookie_write_from_this_origin_with_the_header_goes_through()
    {
        var browser = await app.SignedInAsync(Roles.Administrator);

        using var request = RevokeOrCreateKey("same-origin", "http://localhost", "1");
        (await browser.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // A program holding the cookie itself (curl with a cookie jar) sends no Origin: the header is enough.
        using var fromProgram = RevokeOrCreateKey(string.Empty, null, "1");
        (await browser.SendAsync(fromProgram, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Reading needs nothing extra.
        (await browser.GetAsync("/api/v1/api-keys", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_api_key_is_not_affected_whatever_the_browser_headers_say()
    {
        var key = await app.NewKeyAsync(ApiScopes.Write);
        var client = app.WithKey(key.Key);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/commitments/NSK-2023-009/status-history")
        {
            Content = new StringContent("""{"status":"Confirmed"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Origin", "https://evil.example");

        (await client.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private static HttpRequestMessage RevokeOrCreateKey(string site, string? origin, string? csrf)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-keys")
        {
            Content = new StringContent($$"""{"name":"CSRF {{Guid.NewGuid():N}}","scopes":["read"]}""", Encoding.UTF8, "application/json"),
        };
        if (site.Length > 0)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (csrf is not null)
        {
            request.Headers.Add(People.CsrfHeader, csrf);
        }

        return request;
    }

    private async Task<int> KeyCountAsync() =>
        (await app.Api().GetAsync("/api/v1/api-keys", Ct).ShouldBeJsonAsync<List<ApiKeyDto>>()).Count;
}
