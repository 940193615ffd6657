using System.Net;
using System.Reflection;
using System.Security.Claims;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommitmentTracker.Integration.Tests.Security;

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
    public async Task An_open_tab_of_a_demoted_person_is_signed_out_while_another_persons_tab_stays()
    {
        var demoted = await NewUserAsync("tab.demoted");
        var unchanged = await NewUserAsync("tab.kept");
        using var demotedTab = app.Services.CreateScope();
        using var keptTab = app.Services.CreateScope();
        var demotedState = await OpenTabAsync(demotedTab, demoted);
        var keptState = await OpenTabAsync(keptTab, unchanged);
        var signedOut = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        demotedState.AuthenticationStateChanged += async state => signedOut.TrySetResult(await state);

        (await IsStillValidAsync(demotedState)).ShouldBeTrue("a tab whose account did not change stays signed in");
        await app.Api().PutJsonAsync($"/api/v1/users/{demoted}/role", new { role = Roles.Viewer }, ifMatch: null).ShouldBeJsonAsync<UserDto>();

        // The circuit's own re-check loop (every second here) notices the new security stamp and signs the tab out.
        var after = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        after.User.Identity!.IsAuthenticated.ShouldBeFalse();
        (await IsStillValidAsync(demotedState, (await keptState.GetAuthenticationStateAsync()).User)).ShouldBeTrue("the other person's tab is untouched");
        (await keptState.GetAuthenticationStateAsync()).User.Identity!.Name.ShouldBe(unchanged);
    }

    [Fact]
    public async Task A_removed_or_forged_session_does_not_pass_the_re_check()
    {
        var userName = await NewUserAsync("tab.forged");
        using var tab = app.Services.CreateScope();
        var state = await OpenTabAsync(tab, userName);
        var genuine = (await state.GetAuthenticationStateAsync()).User;
        var stampType = tab.ServiceProvider.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;

        var forged = new ClaimsPrincipal(new ClaimsIdentity(
            genuine.Claims.Where(c => c.Type != stampType).Append(new Claim(stampType, "a stamp the account never had")), "Identity.Application"));
        var stampless = new ClaimsPrincipal(new ClaimsIdentity(genuine.Claims.Where(c => c.Type != stampType), "Identity.Application"));
        var stranger = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(stampType, "x")], "Identity.Application"));

        (await IsStillValidAsync(state, genuine)).ShouldBeTrue();
        (await IsStillValidAsync(state, forged)).ShouldBeFalse();
        (await IsStillValidAsync(state, stampless)).ShouldBeFalse();
        (await IsStillValidAsync(state, stranger)).ShouldBeFalse("no such account");
    }

    private async Task<string> NewUserAsync(string prefix)
    {
        var userName = $"{prefix}.{Guid.NewGuid():N}"[..24];
        await app.Api().PostJsonAsync("/api/v1/users", new CreateUserCommand(userName, Roles.Analyst, Password)).ShouldBeJsonAsync<UserDto>(HttpStatusCode.Created);
        return userName;
    }

    // What a Blazor circuit does when a tab opens: its scoped state provider is handed the signed-in user.
    private static async Task<AuthenticationStateProvider> OpenTabAsync(IServiceScope tab, string userName)
    {
        var users = tab.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var principal = await tab.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<IdentityUser>>().CreateAsync((await users.FindByNameAsync(userName))!);
        var provider = tab.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return provider;
    }

    // The re-check itself (protected: the loop calls it once per interval); called directly to test both answers.
    private static async Task<bool> IsStillValidAsync(AuthenticationStateProvider provider, ClaimsPrincipal? user = null)
    {
        var state = user is null ? await provider.GetAuthenticationStateAsync() : new AuthenticationState(user);
        var validate = provider.GetType().GetMethod("ValidateAuthenticationStateAsync", BindingFlags.Instance | BindingFlags.NonPublic)!;
        return await (Task<bool>)validate.Invoke(provider, [state, Ct])!;
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
