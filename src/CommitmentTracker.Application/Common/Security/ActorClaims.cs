using System.Security.Claims;

namespace CommitmentTracker.Application.Common.Security;

/// <summary>Claim types the app issues beyond the standard ones.</summary>
public static class ActorClaims
{
    /// <summary>An API key's scope (read, write); one claim per scope.</summary>
    public const string Scope = "scope";

    /// <summary>The authentication type of principals made from API keys.</summary>
    public const string ApiKeyAuthentication = "ApiKey";

    /// <summary>The authentication type of the system's own background work.</summary>
    public const string SystemAuthentication = "System";

    /// <summary>The actor of scheduled and background work (webhook delivery, overdue checks).</summary>
    public static ClaimsPrincipal System { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "system"), new Claim(ClaimTypes.Name, "system"), new Claim(ClaimTypes.Role, Roles.Administrator)],
        SystemAuthentication));
}

public static class ActorExtensions
{
    public const string Anonymous = "anonymous";

    /// <summary>The name recorded as author: the user name, or "key: name" for an API key.</summary>
    public static string Name(this ICurrentActor actor) => actor.Principal.DisplayName();

    public static string DisplayName(this ClaimsPrincipal principal) =>
        principal.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? principal.Identity.AuthenticationType == ActorClaims.ApiKeyAuthentication ? $"key: {name}" : name
            : Anonymous;

    /// <summary>A stable id: the user id, "key:{id}" for an API key, "system", or "anonymous".</summary>
    public static string ActorId(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true && principal.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id ? id : Anonymous;

    public static bool IsApiKey(this ClaimsPrincipal principal) =>
        principal.Identity?.AuthenticationType == ActorClaims.ApiKeyAuthentication;

    /// <summary>The most this principal may do, or null when nobody is signed in.</summary>
    public static Access? Allowed(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (principal.IsApiKey())
        {
            return principal.FindAll(ActorClaims.Scope).Select(c => ApiScopes.Grants(c.Value)).DefaultIfEmpty(Access.Read).Max();
        }

        return Roles.All.Where(principal.IsInRole).Select(Roles.Grants).DefaultIfEmpty(Access.Read).Max();
    }

    /// <summary>Whether the principal may do what <paramref name="access"/> needs; the UI asks the same question.</summary>
    public static bool Can(this ClaimsPrincipal principal, Access access) => principal.Allowed() >= access;

    /// <summary>The person's strongest role (or the key's scopes), for the header and messages.</summary>
    public static string RoleLabel(this ClaimsPrincipal principal) =>
        principal.IsApiKey()
            ? "API key (" + string.Join(", ", principal.FindAll(ActorClaims.Scope).Select(c => c.Value)) + ")"
            : Roles.All.FirstOrDefault(principal.IsInRole) ?? "no role";
}
