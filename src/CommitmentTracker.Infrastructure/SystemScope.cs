using CommitmentTracker.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Infrastructure;

public static class SystemScope
{
    /// <summary>A DI scope for background work, acting (and audited) as the system rather than as nobody.</summary>
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ICurrentActor>().ActAs(ActorClaims.System);
        return scope;
    }
}
