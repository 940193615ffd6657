namespace CommitmentTracker.Domain.Accounts;

/// <summary>
/// A credential for another system. Only a hash of the secret is kept: the secret is shown once when the key is
/// created. <see cref="Prefix"/> (public, unique) finds the key without scanning; the hash proves the secret.
/// </summary>
public sealed class ApiKey : Entity
{
    public const int MaxNameLength = 100;

    private ApiKey()
    {
        Name = string.Empty;
        OwnerId = string.Empty;
        OwnerName = string.Empty;
        Prefix = string.Empty;
        SecretHash = string.Empty;
        Scopes = string.Empty;
    }

    public ApiKey(string name, string ownerId, string ownerName, string prefix, string secretHash, IEnumerable<string> scopes, DateTimeOffset createdAt, DateTimeOffset? expiresAt)
    {
        Name = Require.Text(name, nameof(Name), MaxNameLength);
        OwnerId = ownerId;
        OwnerName = ownerName;
        Prefix = prefix;
        SecretHash = secretHash;
        Scopes = string.Join(' ', scopes.Distinct().Order(StringComparer.Ordinal));
        CreatedAt = createdAt;
        if (expiresAt is { } expiry && expiry <= createdAt)
        {
            throw new DomainRuleException(nameof(ExpiresAt), "An expiry must be in the future.");
        }

        ExpiresAt = expiresAt;
    }

    public string Name { get; private set; }

    /// <summary>The user the key acts for (its creator unless said otherwise).</summary>
    public string OwnerId { get; private set; }

    public string OwnerName { get; private set; }

    public string Prefix { get; private set; }

    /// <summary>Hex SHA-256 of the secret part. The secret has 256 random bits, so a slow hash adds nothing.</summary>
    public string SecretHash { get; private set; }

    /// <summary>Space-separated, sorted: "read" or "read write".</summary>
    public string Scopes { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedBy { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Revoking is final; revoking again changes nothing.</summary>
    public void Revoke(string by, DateTimeOffset now)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            RevokedBy = by;
        }
    }

    /// <summary>Use is recorded at most once a minute, so a busy client does not write on every read.</summary>
    public bool IsUseDue(DateTimeOffset now) => LastUsedAt is not { } last || now - last >= TimeSpan.FromMinutes(1);

    /// <summary>Records use when <see cref="IsUseDue"/>; says whether it did.</summary>
    public bool MarkUsed(DateTimeOffset now)
    {
        if (!IsUseDue(now))
        {
            return false;
        }

        LastUsedAt = now;
        return true;
    }
}
