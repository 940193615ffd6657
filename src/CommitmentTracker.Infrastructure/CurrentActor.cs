using CommitmentTracker.Application.Common;
using Microsoft.AspNetCore.Http;

namespace CommitmentTracker.Infrastructure;

/// <summary>
/// The signed-in user's name, or "anonymous" while the app has no sign-in (accounts come with the
/// identity work); recorded as the author of status entries.
/// </summary>
internal sealed class CurrentActor(IHttpContextAccessor http) : ICurrentActor
{
    public const string Anonymous = "anonymous";

    public string Name => http.HttpContext?.User.Identity?.Name is { Length: > 0 } name ? name : Anonymous;
}
