using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Infrastructure.Accounts;

public static class AccountsRegistration
{
    /// <summary>The combined scheme: an X-Api-Key header means a key, anything else the sign-in cookie.</summary>
    public const string Scheme = "CookieOrApiKey";


    /// <summary>
    /// People sign in with a cookie (Identity; password rules and lockout), systems send an API key. Both end up as
    /// the request's user; what they may do is decided by the Application's authorization behaviour.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var accounts = configuration.GetSection(AccountOptions.Section);
        services.Configure<AccountOptions>(accounts);

        // A changed role or password changes the security stamp; cookies and open circuits notice within this time.
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(accounts.GetValue(nameof(AccountOptions.RevalidateSeconds), 60)));
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccountState>();

        services.AddIdentityCore<IdentityUser>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): 12 characters, any kind.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Sign-in cookie or API key", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.ContainsKey(ApiKeySecret.Header) ? ApiKeyAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, ApiKeyCacheInvalidation>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AppPaths.SignIn;
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;

            // A cookie whose server-side session was ended (signed out) is refused before the security stamp is checked.
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async c =>
            {
                if (!await ServerSessions.IsOpenAsync(c))
                {
                    c.RejectPrincipal();
                    await c.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await validateStamp(c);
            };

            // Programs get a status code, people get the sign-in page.
            o.Events.OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorization();
        services.AddDataProtection().SetApplicationName("CommitmentTracker").PersistKeysToDbContext<AppDbContext>();
        services.AddScoped<IAccountSession, AccountSession>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<AccountBootstrap>();
        return services;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(AppPaths.Api) || path.StartsWithSegments(AppPaths.OpenApi))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
