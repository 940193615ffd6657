using System.Net;
using System.Text;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Hardening;

/// <summary>
/// Issue 14, item 5: answers written by the exception handler (400, 403, 404 raised as exceptions), by the
/// status-code pages and by the authentication handlers carry the same security headers as any other, and a 401
/// says which credentials would do (WWW-Authenticate).
/// </summary>
public sealed class ResponseHeaderTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string?, int> ErrorAnswers => new()
    {
        { "GET", "/api/v1/commitments/NO-SUCH-THING", Roles.Viewer, 404 },              // NotFoundException → handler
        { "GET", "/api/v1/commitments?page=0", Roles.Viewer, 400 },                      // ValidationException → handler
        { "POST", "/api/v1/commitments", Roles.Analyst, 400 },                            // unreadable JSON → handler
        { "GET", "/api/v1/users", Roles.Viewer, 403 },                                    // ForbiddenException → handler
        { "GET", "/api/v1/no-such-endpoint", Roles.Viewer, 404 },                         // status-code page
        { "GET", "/api/v1/commitments", null, 401 },                                      // cookie handler's challenge
        { "GET", "/no-such-page", Roles.Viewer, 404 },                                    // the UI's not-found page
    };

    [Theory]
    [MemberData(nameof(ErrorAnswers))]
    public async Task Error_answers_carry_the_security_headers(string method, string path, string? role, int status)
    {
        var client = role is null ? app.Anonymous() : app.ApiAs(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{ not json", Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request, Ct);

        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync(Ct));
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
        Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        Header(response, "Content-Security-Policy").ShouldContain("frame-ancestors 'none'");
        Header(response, "Content-Security-Policy").ShouldContain("script-src 'self'");
    }

    [Fact]
    public async Task A_401_names_the_credentials_that_would_be_accepted()
    {
        var anonymous = await app.Anonymous().GetAsync("/api/v1/commitments", Ct);
        var badKey = app.Anonymous();
        badKey.DefaultRequestHeaders.Add("X-Api-Key", "ctk_not-a-real-key");
        var refusedKey = await badKey.GetAsync("/api/v1/commitments", Ct);

        foreach (var response in new[] { anonymous, refusedKey })
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            var challenge = response.Headers.WwwAuthenticate.ToString();
            challenge.ShouldContain("ApiKey");
            challenge.ShouldContain("X-Api-Key");
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} ({(int)response.StatusCode}) has no {name} header");
}
