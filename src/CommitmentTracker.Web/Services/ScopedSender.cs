using CommitmentTracker.Application.Common.Security;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Web.Services;

/// <summary>
/// Sends a use-case request from a page. A Blazor circuit lives as long as the browser tab, so it must never hold
/// a DbContext: every send gets its own DI scope, exactly like an API request, and two clicks never share state. Each scope acts for the circuit's user.
/// </summary>
public sealed class ScopedSender(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeForUserAsync();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, cancellationToken);
    }

    public async Task<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeForUserAsync();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = await ScopeForUserAsync();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    // The new scope has no HTTP request to read the user from: it acts for the circuit's signed-in user.
    private async Task<AsyncServiceScope> ScopeForUserAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentActor>().ActAs(user);
        return scope;
    }
}
