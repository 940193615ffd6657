using CommitmentTracker.Domain.Accounts;

namespace CommitmentTracker.Domain.Tests.Accounts;

/// <summary>An API key: only a hash of its secret, sorted scopes, an expiry in the future, final revocation, use recorded at most once a minute.</summary>
public class ApiKeyTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_key_keeps_its_fields_and_its_scopes_sorted_and_distinct()
    {
        var key = new ApiKey("  Reporting  ", "user-1", "admin", "0123abcd", "hash", ["write", "read", "write"], Created, Created.AddDays(30));

        key.Name.ShouldBe("Reporting");
        key.OwnerId.ShouldBe("user-1");
        key.OwnerName.ShouldBe("admin");
        key.Prefix.ShouldBe("0123abcd");
        key.SecretHash.ShouldBe("hash");
        key.Scopes.ShouldBe("read write");
        key.ScopeList.ShouldBe(["read", "write"]);
        key.CreatedAt.ShouldBe(Created);
        key.ExpiresAt.ShouldBe(Created.AddDays(30));
        key.LastUsedAt.ShouldBeNull();
        key.RevokedAt.ShouldBeNull();
        key.RevokedBy.ShouldBeNull();
    }

    [Fact]
    public void A_name_is_required_and_limited()
    {
        Should.Throw<DomainRuleException>(() => new ApiKey(" ", "u", "n", "p", "h", ["read"], Created, null)).Field.ShouldBe("Name");
        Should.Throw<DomainRuleException>(() => new ApiKey(new string('k', ApiKey.MaxNameLength + 1), "u", "n", "p", "h", ["read"], Created, null)).Field.ShouldBe("Name");
        new ApiKey(new string('k', ApiKey.MaxNameLength), "u", "n", "p", "h", ["read"], Created, null).Name.Length.ShouldBe(ApiKey.MaxNameLength);
    }

    [Fact]
    public void An_expiry_must_be_after_the_creation()
    {
        var ex = Should.Throw<DomainRuleException>(() => new ApiKey("K", "u", "n", "p", "h", ["read"], Created, Created));

        ex.Field.ShouldBe("ExpiresAt");
        ex.Message.ShouldBe("An expiry must be in the future.");
        Should.Throw<DomainRuleException>(() => new ApiKey("K", "u", "n", "p", "h", ["read"], Created, Created.AddTicks(-1)));
        new ApiKey("K", "u", "n", "p", "h", ["read"], Created, Created.AddTicks(1)).ExpiresAt.ShouldBe(Created.AddTicks(1));
    }

    [Fact]
    public void A_key_is_active_until_it_expires_and_never_after_it_is_revoked()
    {
        var expiring = new ApiKey("K", "u", "n", "p", "h", ["read"], Created, Created.AddDays(1));
        var lasting = new ApiKey("L", "u", "n", "p", "h", ["read"], Created, null);

        expiring.IsActive(Created).ShouldBeTrue();
        expiring.IsActive(Created.AddDays(1).AddTicks(-1)).ShouldBeTrue();
        expiring.IsActive(Created.AddDays(1)).ShouldBeFalse("the expiry instant itself is past the key's life");
        lasting.IsActive(Created.AddYears(10)).ShouldBeTrue();

        lasting.Revoke("admin", Created.AddHours(1));
        lasting.IsActive(Created.AddHours(1)).ShouldBeFalse();
        lasting.RevokedAt.ShouldBe(Created.AddHours(1));
        lasting.RevokedBy.ShouldBe("admin");

        lasting.Revoke("someone else", Created.AddHours(2));
        lasting.RevokedAt.ShouldBe(Created.AddHours(1), "revoking again changes nothing");
        lasting.RevokedBy.ShouldBe("admin");
    }

    [Fact]
    public void Use_is_recorded_at_most_once_a_minute()
    {
        var key = new ApiKey("K", "u", "n", "p", "h", ["read"], Created, null);

        key.MarkUsed(Created).ShouldBeTrue();
        key.LastUsedAt.ShouldBe(Created);
        key.MarkUsed(Created.AddSeconds(59)).ShouldBeFalse();
        key.LastUsedAt.ShouldBe(Created);
        key.MarkUsed(Created.AddMinutes(1)).ShouldBeTrue();
        key.LastUsedAt.ShouldBe(Created.AddMinutes(1));
    }
}
