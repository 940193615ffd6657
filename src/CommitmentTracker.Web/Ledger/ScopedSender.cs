using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Web.Ledger;

/// <summary>
/// Sends a use-case request from a page. A Blazor circuit lives as long as the browser tab, so it must never hold
/// a DbContext: every send gets its own DI scope, exactly like an API request, and two clicks never share state.
/// </summary>
public sealed class ScopedSender(IServiceScopeFactory scopes)
{
    public async Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, cancellationToken);
    }

    public async Task<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }
}
