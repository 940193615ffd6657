using System.Security.Claims;

namespace CommitmentTracker.Application.Common.Security;

/// <summary>Who is acting: a signed-in person, an API key, or the system itself (background work).</summary>
public interface ICurrentActor
{
    ClaimsPrincipal Principal { get; }

    /// <summary>
    /// Acts for <paramref name="principal"/> from now on in this scope. Blazor circuits and background services
    /// have no HTTP request to read the user from, so they say who they act for.
    /// </summary>
    void ActAs(ClaimsPrincipal principal);
}
