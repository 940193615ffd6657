using System.Net;
using System.Net.Http.Headers;
using CommitmentTracker.Api.Endpoints;
using CommitmentTracker.Application.CalendarFeeds.Commands.CreateCalendarFeed;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Hardening;

/// <summary>
/// The app in Production behind a TLS-terminating proxy at 10.0.0.7 (the one trusted proxy in configuration). The
/// test server has no network peer, so a startup filter gives each request the peer address the test names.
/// </summary>
public sealed class ProxiedAppFactory : SqliteAppFactory
{
    public const string TrustedProxy = "10.0.0.7";
    public const string PeerHeader = "X-Test-Peer";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("https_port", "443");
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", TrustedProxy);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    /// <summary>A client whose requests arrive from <paramref name="peer"/> with the headers a TLS proxy for ledger.example adds.</summary>
    public HttpClient ViaProxy(string peer, string? role = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", "ledger.example");
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (role is not null)
        {
            client.DefaultRequestHeaders.Add(TestUsers.RoleHeader, role);
        }

        return client;
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader].ToString(), out var peer))
                {
                    context.Connection.RemoteIpAddress = peer;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Issue 14, item 7: X-Forwarded-* believed from the configured proxy only.</summary>
public sealed class TrustedProxyTests(ProxiedAppFactory app) : IClassFixture<ProxiedAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Through_the_trusted_proxy_the_app_knows_it_is_on_https_so_it_sends_hsts_and_does_not_redirect()
    {
        var response = await app.ViaProxy(ProxiedAppFactory.TrustedProxy).GetAsync("/health/live", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem().ShouldStartWith("max-age=");
    }

    [Fact]
    public async Task The_same_headers_from_anyone_else_are_ignored()
    {
        var response = await app.ViaProxy("10.9.9.9").GetAsync("/health/live", Ct);

        ((int)response.StatusCode).ShouldBeOneOf(307, 308);
        response.Headers.Location!.Host.ShouldBe("localhost", "the forwarded host was not believed");
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task Calendar_feed_addresses_name_the_public_host_and_scheme()
    {
        var subscription = await app.ViaProxy(ProxiedAppFactory.TrustedProxy, Roles.Viewer)
            .PostJsonAsync("/api/v1/calendar-feeds", new CreateCalendarFeedCommand("Behind the proxy", new CommitmentFilter { Meeting = "NSK-2023" }))
            .ShouldBeJsonAsync<CalendarFeedSubscription>(HttpStatusCode.Created);

        subscription.Url.GetLeftPart(UriPartial.Authority).ShouldBe("https://ledger.example");
        subscription.WebcalUrl.Host.ShouldBe("ledger.example");
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_behind_the_proxy()
    {
        var browser = app.ViaProxy(ProxiedAppFactory.TrustedProxy);
        var page = await browser.GetAsync("/account/sign-in", Ct);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        antiforgery.ShouldContain("secure", Case.Insensitive);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AccountForms.AntiforgeryToken(await page.Content.ReadAsStringAsync(Ct)),
                ["UserName"] = "admin",
                ["Password"] = AppFactory.BootstrapPassword,
                ["ReturnUrl"] = "/",
            }),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await browser.SendAsync(request, Ct);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountForms.CookieName + "=", StringComparison.Ordinal)).ShouldContain("secure", Case.Insensitive);
    }
}
