using System.Security.Claims;
using Bunit.TestDoubles;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Web.Ledger;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CommitmentTracker.Web.Tests;

/// <summary>A bUnit context with MudBlazor's services; MudBlazor calls JavaScript freely, so interop is loose.</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    /// <summary>
    /// The real ScopedSender over the container's scope factory, each scope sending through <paramref name="sender"/>
    /// and acting for the signed-in test person (set up with the returned authorization context).
    /// </summary>
    protected BunitAuthorizationContext UseScopedSender(ISender sender, Action? onScope = null)
    {
        Services.AddScoped(_ =>
        {
            onScope?.Invoke();
            return sender;
        });
        Services.AddScoped<ICurrentActor, RecordedActor>();
        Services.AddSingleton(sp => new ScopedSender(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<AuthenticationStateProvider>()));
        return AddAuthorization();
    }

    /// <summary>The actor of the last scope, as the ScopedSender set it.</summary>
    protected sealed class RecordedActor : ICurrentActor
    {
        public static ClaimsPrincipal? Last { get; private set; }

        public ClaimsPrincipal Principal => Last ?? new ClaimsPrincipal();

        public void ActAs(ClaimsPrincipal principal) => Last = principal;
    }
}
