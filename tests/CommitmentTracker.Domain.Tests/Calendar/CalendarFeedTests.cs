using System.Buffers.Text;
using CommitmentTracker.Domain.Calendar;

namespace CommitmentTracker.Domain.Tests.Calendar;

public class CalendarFeedTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_feed_keeps_only_the_hash_of_a_long_url_safe_token()
    {
        var (feed, token) = CalendarFeed.Create("Autumn events", "{}", "analyst", Now);

        Base64Url.DecodeFromChars(token).Length.ShouldBeGreaterThanOrEqualTo(16, "at least 128 bits");
        token.ShouldMatch("^[A-Za-z0-9_-]+$");
        feed.TokenHash.ShouldBe(CalendarFeed.HashOf(token));
        feed.TokenHash.Length.ShouldBe(CalendarFeed.TokenHashLength);
        feed.TokenHash.ShouldNotContain(token);
        feed.TokenIssuedAt.ShouldBe(Now);
    }

    [Fact]
    public void Rotating_issues_a_different_token_and_forgets_the_old_one()
    {
        var (feed, old) = CalendarFeed.Create("Feed", "{}", "analyst", Now);

        var fresh = feed.RotateToken(Now.AddDays(1));

        fresh.ShouldNotBe(old);
        feed.TokenHash.ShouldBe(CalendarFeed.HashOf(fresh));
        feed.TokenIssuedAt.ShouldBe(Now.AddDays(1));
    }

    [Fact]
    public void A_revoked_feed_stays_revoked_and_cannot_be_rotated()
    {
        var (feed, _) = CalendarFeed.Create("Feed", "{}", "analyst", Now);
        feed.Revoke(Now);
        feed.Revoke(Now.AddDays(1));

        feed.RevokedAt.ShouldBe(Now);
        Should.Throw<DomainRuleException>(() => feed.RotateToken(Now.AddDays(2))).Field.ShouldBe(nameof(CalendarFeed.RevokedAt));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_feed_needs_a_name(string name) =>
        Should.Throw<DomainRuleException>(() => CalendarFeed.Create(name, "{}", "analyst", Now)).Field.ShouldBe(nameof(CalendarFeed.Name));
}
