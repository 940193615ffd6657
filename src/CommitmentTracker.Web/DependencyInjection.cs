using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Web.Components;
using CommitmentTracker.Web.Components.Account;
using CommitmentTracker.Web.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CommitmentTracker.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        // The Import page's text field sends the whole record in one circuit message when it changes. SignalR's 32 KB
        // default dropped the circuit, and the pasted text with it, for a 12,000-character Russian record (Cyrillic is
        // two bytes a character): the limit holds the longest record an import accepts, as the upload's limit does.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = ImportMeetingCommand.MaxFileBytes);
        // The antiforgery cookie is Secure whenever the request is HTTPS (also behind a trusted TLS proxy), as the
        // sign-in cookie is; its default policy never sets Secure.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddMudServices(mud =>
        {
            // One confirmation (Toasts.Say replaces the last), at the bottom where it covers no form, gone when the
            // person moves on (issue 13, item 7: up to five stacked, followed the user to the next page, covered the form).
            var toasts = mud.SnackbarConfiguration;
            toasts.PositionClass = Defaults.Classes.Position.BottomLeft;
            toasts.MaxDisplayedSnackbars = 1;
            toasts.NewestOnTop = true;
            toasts.PreventDuplicates = true;
            toasts.ClearAfterNavigation = true;
            toasts.VisibleStateDuration = 5000;
        });
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
