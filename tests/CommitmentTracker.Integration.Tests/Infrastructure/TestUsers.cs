using System.Security.Claims;
using System.Text.Encodings.Web;
using CommitmentTracker.Application.Common.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommitmentTracker.Integration.Tests.Infrastructure;

/// <summary>
/// Signs requests in as a test person of a given role (header X-Test-Role), for tests that are not about signing
/// in. Requests without the header go through the app's real cookie/API-key authentication unchanged.
/// </summary>
public static class TestUsers
{
    public const string RoleHeader = "X-Test-Role";
    private const string Scheme = "TestOrReal";
    private const string TestScheme = "TestUser";

    public static string NameFor(string role) => $"test-{role.ToLowerInvariant()}";

    public static void AddTestUsers(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Test user or the app's own schemes", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.ContainsKey(RoleHeader) ? TestScheme : "CookieOrApiKey")
            .AddScheme<AuthenticationSchemeOptions, TestUserHandler>(TestScheme, null);
        services.PostConfigure<AuthenticationOptions>(o =>
        {
            o.DefaultScheme = Scheme;
            o.DefaultAuthenticateScheme = Scheme;
            o.DefaultChallengeScheme = Scheme;
        });
    }

    private sealed class TestUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var role = Request.Headers[RoleHeader].ToString();
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, NameFor(role)), new Claim(ClaimTypes.Name, NameFor(role)), new Claim(ClaimTypes.Role, role)],
                TestScheme);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), TestScheme)));
        }
    }
}
