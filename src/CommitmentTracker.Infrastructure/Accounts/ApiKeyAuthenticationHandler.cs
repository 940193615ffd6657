using System.Security.Claims;
using System.Text.Encodings.Web;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommitmentTracker.Infrastructure.Accounts;

/// <summary>Authenticates the X-Api-Key header: known prefix, matching hash, not revoked, not expired.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AppDbContext db, ApiKeyCache cache, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeySecret.Header, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecret.TryParse(values.ToString(), out var presented))
        {
            return Refuse("The API key is malformed: expected ctk_<prefix>_<secret> as shown when the key was created.");
        }

        if (!cache.TryGet(presented.Prefix, out var key))
        {
            key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == presented.Prefix, Context.RequestAborted);
            if (key is not null)
            {
                cache.Add(key);
            }
        }

        if (key is null || !presented.Matches(key.SecretHash))
        {
            return Refuse("The API key is not valid.");
        }

        var now = clock.GetUtcNow();
        if (!key.IsActive(now))
        {
            return Refuse(key.RevokedAt is not null
                ? $"The API key '{key.Name}' was revoked on {key.RevokedAt:yyyy-MM-dd}."
                : $"The API key '{key.Name}' expired on {key.ExpiresAt:yyyy-MM-dd}.");
        }

        // The cached copy only says whether a use is due to be recorded; the record is made on a tracked key.
        if (key.IsUseDue(now) && await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == key.Id, Context.RequestAborted) is { } tracked && tracked.MarkUsed(now))
        {
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, $"key:{key.Id}"),
                new Claim(ClaimTypes.Name, key.Name),
                new Claim("owner", key.OwnerName),
                .. key.ScopeList.Select(s => new Claim(ActorClaims.Scope, s)),
            ],
            ActorClaims.ApiKeyAuthentication);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Fails, and leaves the reason on the request so the refusal can name it without authenticating again.</summary>
    private AuthenticateResult Refuse(string reason)
    {
        Context.Features.Set(new ApiKeyRefusal(reason));
        return AuthenticateResult.Fail(reason);
    }
}
