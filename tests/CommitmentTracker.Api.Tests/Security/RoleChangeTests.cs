using System.Net;
using CommitmentTracker.Api.Tests.Infrastructure;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.Common.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Api.Tests.Security;

/// <summary>Sessions re-checked on every request (the default is once a minute), so the test needs no waiting.</summary>
public sealed class EveryRequestRevalidatedAppFactory : SqliteAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Accounts:RevalidateSeconds", "0");
    }
}

/// <summary>A changed role must not live on in a session that was signed in with the old one.</summary>
public sealed class RoleChangeTests(EveryRequestRevalidatedAppFactory app) : IClassFixture<EveryRequestRevalidatedAppFactory>
{
    private const string Password = "a long enough passphrase";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Open_tabs_re_check_their_user_too()
    {
        using var scope = app.Services.CreateScope();

        // Blazor's default state provider would keep the user a circuit started with; this one re-checks it.
        scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().ShouldBeAssignableTo<RevalidatingServerAuthenticationStateProvider>();
    }

    [Fact]
    public async Task A_demoted_person_is_signed_out_and_signs_back_in_with_the_new_role()
    {
        var userName = $"demoted.{Guid.NewGuid():N}"[..20];
        await app.Api().PostJsonAsync("/api/v1/users", new CreateUserCommand(userName, Roles.Analyst, Password)).ShouldBeJsonAsync<UserDto>(HttpStatusCode.Created);
        var browser = app.Anonymous();
        (await AccountForms.SignInAsync(browser, userName, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/api/v1/commitments?pageSize=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.Api().PutJsonAsync($"/api/v1/users/{userName}/role", new { role = Roles.Viewer }, ifMatch: null).ShouldBeJsonAsync<UserDto>();
        app.Clock.Now += TimeSpan.FromSeconds(1); // the cookie is re-checked once its age exceeds the interval (here 0)

        await browser.GetAsync("/api/v1/commitments?pageSize=1", Ct).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await AccountForms.SignInAsync(browser, userName, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await browser.PostJsonAsync("/api/v1/commitments/NSK-2023-003/status-history", new { status = "Captured", rationale = "Still captured." })
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
