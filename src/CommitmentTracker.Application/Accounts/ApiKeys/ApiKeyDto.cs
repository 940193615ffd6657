using CommitmentTracker.Domain.Accounts;

namespace CommitmentTracker.Application.Accounts.ApiKeys;

public enum ApiKeyState
{
    Active,
    Expired,
    Revoked,
}

/// <summary>What anyone may see of a key: never the secret, never its hash. The prefix tells keys apart in logs.</summary>
public sealed record ApiKeyDto(
    Guid Id,
    string Name,
    string OwnerName,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedBy,
    ApiKeyState State)
{
    // The state depends on the clock (expiry), so it is computed when read rather than stored or mapped.
    public static ApiKeyDto From(ApiKey key, DateTimeOffset now) => new(
        key.Id,
        key.Name,
        key.OwnerName,
        key.Prefix,
        key.ScopeList,
        key.CreatedAt,
        key.ExpiresAt,
        key.LastUsedAt,
        key.RevokedAt,
        key.RevokedBy,
        key.RevokedAt is not null ? ApiKeyState.Revoked : key.IsActive(now) ? ApiKeyState.Active : ApiKeyState.Expired);
}
