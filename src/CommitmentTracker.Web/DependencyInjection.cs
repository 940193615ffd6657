using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Web.Components;
using CommitmentTracker.Web.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CommitmentTracker.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<ScopedSender>();
        services.AddAccessPolicies();
        return services;
    }

    /// <summary>
    /// One policy per <see cref="Access"/> level, named after it ("Decide", "Administer"…), asking the same question as
    /// the Application's authorization behaviour; pages and AuthorizeView use them. The behaviour still guards every send.
    /// </summary>
    public static IServiceCollection AddAccessPolicies(this IServiceCollection services)
    {
        var policies = services.AddAuthorizationBuilder();
        foreach (var access in Enum.GetValues<Access>())
        {
            policies.AddPolicy(access.ToString(), p => p.RequireAssertion(c => c.User.Can(access)));
        }

        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>Serves the Blazor Server UI at /.</summary>
    public static IEndpointRouteBuilder MapWeb(this IEndpointRouteBuilder app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
