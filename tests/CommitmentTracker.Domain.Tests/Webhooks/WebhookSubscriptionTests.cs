using CommitmentTracker.Domain;
using CommitmentTracker.Domain.Webhooks;

namespace CommitmentTracker.Domain.Tests.Webhooks;

public sealed class WebhookSubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static WebhookSubscription Subscription() => new("Receiver", "https://example.org/hook", [WebhookEventTypes.StatusAppended], "protected", Now);

    [Fact]
    public void Disables_itself_after_the_configured_failures_in_a_row_saying_why()
    {
        var subscription = Subscription();

        subscription.RecordFailure("HTTP 502", disableAfter: 3, Now);
        subscription.RecordSuccess();
        subscription.RecordFailure("HTTP 500", disableAfter: 3, Now);
        subscription.RecordFailure("HTTP 500", disableAfter: 3, Now);
        subscription.IsEnabled.ShouldBeTrue("a success resets the count");
        subscription.RecordFailure("HTTP 500", disableAfter: 3, Now);

        subscription.IsEnabled.ShouldBeFalse();
        subscription.DisabledReason.ShouldBe("Disabled after 3 consecutive failures; last: HTTP 500");
    }

    [Fact]
    public void Enabling_clears_the_reason_and_the_count()
    {
        var subscription = Subscription();
        subscription.Disable("Moving the receiver", Now);

        subscription.Enable(Now);

        subscription.IsEnabled.ShouldBeTrue();
        subscription.DisabledReason.ShouldBeNull();
        subscription.ConsecutiveFailures.ShouldBe(0);
    }

    [Theory]
    [InlineData("ftp://example.org/hook", "Url")]
    [InlineData("https://example.org/hook", "EventTypes")]
    public void Refuses_a_non_http_url_or_an_unknown_event(string url, string field)
    {
        var ex = Should.Throw<DomainRuleException>(() => new WebhookSubscription("Receiver", url, url.StartsWith("ftp", StringComparison.Ordinal) ? [WebhookEventTypes.StatusAppended] : ["commitment.deleted"], "protected", Now));

        ex.Field.ShouldBe(field);
    }
}
