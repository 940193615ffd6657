using System.Net;
using System.Net.Http.Headers;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommitmentTracker.Integration.Tests.Security;

/// <summary>
/// The app as deployed: Production environment (HTTPS redirection and HSTS on), behind a TLS-terminating proxy on
/// port 443, with one dependency that fails so the answer to an unexpected error can be seen from outside.
/// </summary>
public sealed class ProductionAppFactory : SqliteAppFactory
{
    public const string Secret = "Password=hunter2";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("https_port", "443");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Scoped<IUserDirectory, FailingUserDirectory>()));
    }

    /// <summary>A client that talks to the app as https://ledger.example (not localhost, which HSTS leaves out).</summary>
    public HttpClient Client(string baseAddress = "https://ledger.example", string? role = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (role is not null)
        {
            client.DefaultRequestHeaders.Add(TestUsers.RoleHeader, role);
        }

        return client;
    }

    private sealed class FailingUserDirectory : IUserDirectory
    {
        private static InvalidOperationException Failure() => new InvalidOperationException($"The user store is unreachable (Server=db.internal;{Secret})");

        public Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken cancellationToken) => throw Failure();

        public Task<UserDto?> FindAsync(string userName, CancellationToken cancellationToken) => throw Failure();

        public Task<UserDto> CreateAsync(string userName, string role, string password, CancellationToken cancellationToken) => throw Failure();

        public Task<UserDto> SetRoleAsync(string userName, string role, CancellationToken cancellationToken) => throw Failure();

        public Task<bool> IsBarredAsync(string userId, CancellationToken cancellationToken) => throw Failure();
    }
}

/// <summary>Security headers, what stays anonymous, who reads the contract, and no HSTS in Development.</summary>
public sealed class HardeningTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_and_api_answers_carry_the_security_headers()
    {
        var responses = new[]
        {
            await app.Anonymous().GetAsync("/account/sign-in", Ct),
            await app.ApiAs(Roles.Viewer).GetAsync("/api/v1/commitments", Ct),
            await app.Anonymous().GetAsync("/api/v1/commitments", Ct),
        };

        foreach (var response in responses)
        {
            var what = $"{response.RequestMessage!.RequestUri!.PathAndQuery} ({(int)response.StatusCode})";

            // One policy: a second one (Blazor adds frame-ancestors 'self' by default) would contradict this one.
            var csp = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem(what);
            csp.ShouldContain("frame-ancestors 'none'", customMessage: what);
            csp.ShouldNotContain("unsafe-eval", customMessage: what);
            Directive(csp, "script-src").ShouldBe("'self'", what);
            Directive(csp, "object-src").ShouldBe("'none'", what);
            Directive(csp, "connect-src").ShouldContain("wss:", customMessage: what + ": Blazor Server needs its WebSocket");
            Header(response, "X-Content-Type-Options").ShouldBe("nosniff", what);
            Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin", what);
            Header(response, "X-Frame-Options").ShouldBe("DENY", what);
        }
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_anonymously(string path)
    {
        var response = await app.Anonymous().GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_openapi_document_is_public_and_the_same_for_everyone()
    {
        var anonymous = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.OK);
        var published = await anonymous.Content.ReadAsStringAsync(Ct);
        published.ShouldContain("\"openapi\"");

        var signedIn = await app.ApiAs(Roles.Viewer).GetStringAsync("/openapi/v1.json", Ct);
        signedIn.ShouldBe(published);
    }

    [Fact]
    public async Task The_api_reference_sends_strangers_to_sign_in_and_shows_to_people_who_are()
    {
        foreach (var path in new[] { "/api/reference", "/api/reference/" })
        {
            var anonymous = await app.Anonymous().GetAsync(path, Ct);
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            anonymous.Headers.Location!.ToString().ShouldContain("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(path), customMessage: path);
        }

        // Scalar moves /api/reference to /api/reference/ (relative script paths), then serves the page.
        var viewer = app.ApiAs(Roles.Viewer);
        var moved = await viewer.GetAsync("/api/reference", Ct);
        moved.StatusCode.ShouldBe(HttpStatusCode.Found);
        moved.Headers.Location!.ToString().ShouldBe("reference/");
        var page = await viewer.GetAsync("/api/reference/", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
    }

    [Fact]
    public async Task Development_sends_no_hsts_and_does_not_redirect_to_https()
    {
        var overTls = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://ledger.example"), AllowAutoRedirect = false });
        var response = await overTls.GetAsync("/health/live", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();

        (await app.Anonymous().GetAsync("/health/live", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new ShouldAssertException($"{response.RequestMessage!.RequestUri} has no {name} header");

    private static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal))?[(name.Length + 1)..]
        ?? throw new ShouldAssertException($"the policy has no {name}: {csp}");
}

/// <summary>Outside Development: HTTPS only, HSTS, and errors that tell the client nothing about the server.</summary>
public sealed class ProductionHardeningTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        var response = await app.Client("http://ledger.example").GetAsync("/api/v1/commitments?page=2", Ct);

        ((int)response.StatusCode).ShouldBeOneOf(307, 308);
        response.Headers.Location.ShouldBe(new Uri("https://ledger.example/api/v1/commitments?page=2"));
    }

    [Fact]
    public async Task Https_answers_carry_hsts()
    {
        var response = await app.Client().GetAsync("/health/live", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var hsts = response.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem();
        hsts.ShouldStartWith("max-age=");
        int.Parse(hsts["max-age=".Length..].Split(';')[0], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(30 * 24 * 3600);
    }

    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_without_internals()
    {
        var response = await app.Client(role: Roles.Administrator).GetAsync("/api/v1/users", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        body.ShouldNotContain(ProductionAppFactory.Secret);
        body.ShouldNotContain("db.internal");
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain("FailingUserDirectory");
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Production_still_sends_the_security_headers()
    {
        var response = await app.Client().GetAsync("/account/sign-in", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }
}
