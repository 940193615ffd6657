using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Web.Components;
using CommitmentTracker.Web.Components.Account;
using CommitmentTracker.Web.Services;
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
        services.AddCascadingAuthenticationState();
        services.AddAccessPolicies();
        return services;
    }

    /// <summary>Serves the Blazor Server UI at /.</summary>
    public static IEndpointRouteBuilder MapWeb(this IEndpointRouteBuilder app)
    {
        // Blazor would add its own Content-Security-Policy "frame-ancestors 'self'" as a second header, contradicting
        // the Host's single policy (which says frame-ancestors 'none'); the Host's header is the one policy.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAccountForms();
        return app;
    }
}
