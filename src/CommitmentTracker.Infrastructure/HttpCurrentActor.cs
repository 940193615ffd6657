using System.Security.Claims;
using CommitmentTracker.Application.Common.Security;
using Microsoft.AspNetCore.Http;

namespace CommitmentTracker.Infrastructure;

/// <summary>
/// The user of the current HTTP request, unless the scope said whom it acts for (a Blazor circuit's user, the
/// system for background work). Anonymous when neither.
/// </summary>
internal sealed class HttpCurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());
    private ClaimsPrincipal? _assumed;

    public ClaimsPrincipal Principal => _assumed ?? http.HttpContext?.User ?? Nobody;

    public void ActAs(ClaimsPrincipal principal) => _assumed = principal;
}
