using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CommitmentTracker.Domain.Calendar;

/// <summary>
/// A saved commitments query that calendar clients subscribe to by URL. The URL carries a secret token, because
/// calendar clients cannot sign in or send headers; only the token's SHA-256 is stored, so the URL is shown once
/// (at creation or rotation) and a copy of the database does not give anyone a working subscription.
/// </summary>
public sealed class CalendarFeed : Entity
{
    public const int MaxNameLength = 120;
    public const int MaxOwnerLength = 200;
    public const int MaxFilterLength = 4000;
    public const int TokenHashLength = 64;

    // 256 bits: far beyond guessing, and 43 URL-safe characters.
    private const int TokenBytes = 32;

    private CalendarFeed()
    {
        Name = string.Empty;
        Filter = string.Empty;
        Owner = string.Empty;
        TokenHash = string.Empty;
    }

    private CalendarFeed(string name, string filter, string owner, DateTimeOffset createdAt)
    {
        Name = Require.Text(name, nameof(Name), MaxNameLength);
        Filter = Require.Text(filter, nameof(Filter), MaxFilterLength);
        Owner = Require.Text(owner, nameof(Owner), MaxOwnerLength);
        CreatedAt = createdAt;
        TokenHash = string.Empty;
    }

    public string Name { get; private set; }

    /// <summary>The saved query, as the application serialised it; the domain does not interpret it.</summary>
    public string Filter { get; private set; }

    /// <summary>Who created the feed; only they see and manage it.</summary>
    public string Owner { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>SHA-256 of the current token (hex); the token itself is never stored.</summary>
    public string TokenHash { get; private set; }

    /// <summary>When the current token was issued: at creation, then at every rotation.</summary>
    public DateTimeOffset TokenIssuedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A new feed and its token; the caller shows the token once and cannot get it again.</summary>
    public static (CalendarFeed Feed, string Token) Create(string name, string filter, string owner, DateTimeOffset at)
    {
        var feed = new CalendarFeed(name, filter, owner, at);
        return (feed, feed.IssueToken(at));
    }

    /// <summary>Replaces the token: the old URL stops working at once, the returned one starts.</summary>
    public string RotateToken(DateTimeOffset at)
    {
        if (IsRevoked)
        {
            throw new DomainRuleException(nameof(RevokedAt), "A revoked feed cannot get a new address; create a new feed instead.");
        }

        return IssueToken(at);
    }

    /// <summary>Stops the feed for good. Revoking twice keeps the first time.</summary>
    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private string IssueToken(DateTimeOffset at)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        TokenHash = HashOf(token);
        TokenIssuedAt = at;
        return token;
    }
}
