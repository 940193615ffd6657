using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommitmentTracker.Infrastructure.Accounts;

/// <summary>
/// A Blazor circuit keeps the user it started with. This re-checks that user's security stamp every
/// <see cref="AccountOptions.RevalidateSeconds"/>: a person whose role changed, or who was removed, is signed out of
/// open tabs too, instead of acting with yesterday's role until the tab reconnects.
/// </summary>
internal sealed class RevalidatingAccountState(
    ILoggerFactory loggers, IServiceScopeFactory scopes, IOptions<IdentityOptions> identity, IOptions<AccountOptions> accounts)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(Math.Max(1, accounts.Value.RevalidateSeconds));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        var stamp = authenticationState.User.FindFirst(identity.Value.ClaimsIdentity.SecurityStampClaimType)?.Value;
        return user is not null && stamp == await users.GetSecurityStampAsync(user);
    }
}

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>How often sign-ins are re-checked against the account (role changed, removed, password changed).</summary>
    public int RevalidateSeconds { get; set; } = 60;
}
