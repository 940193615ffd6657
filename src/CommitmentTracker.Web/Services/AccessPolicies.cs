using CommitmentTracker.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Web.Services;

/// <summary>
/// One authorization policy per <see cref="Access"/> level, so pages and buttons ask the same question the
/// Application's authorization behaviour asks ("Write", "Decide"…). Hiding is a courtesy; the behaviour decides.
/// </summary>
public static class AccessPolicies
{
    public static IServiceCollection AddAccessPolicies(this IServiceCollection services)
    {
        var policies = services.AddAuthorizationBuilder();
        foreach (var access in Enum.GetValues<Access>())
        {
            policies.AddPolicy(access.ToString(), p => p.RequireAssertion(c => c.User.Can(access)));
        }

        return services;
    }
}
