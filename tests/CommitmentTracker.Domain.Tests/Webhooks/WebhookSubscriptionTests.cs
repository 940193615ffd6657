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

    [Fact]
    public void A_new_subscription_is_enabled_with_trimmed_distinct_event_types()
    {
        var subscription = new WebhookSubscription("  Receiver ", "https://example.org/hook", [" status.appended ", "status.appended", WebhookEventTypes.CommitmentCreated], "protected", Now);

        subscription.Name.ShouldBe("Receiver");
        subscription.Url.ShouldBe("https://example.org/hook");
        subscription.EventTypes.ShouldBe([WebhookEventTypes.StatusAppended, WebhookEventTypes.CommitmentCreated]);
        subscription.ProtectedSecret.ShouldBe("protected");
        subscription.IsEnabled.ShouldBeTrue();
        subscription.DisabledReason.ShouldBeNull();
        subscription.DisabledAt.ShouldBeNull();
        subscription.ConsecutiveFailures.ShouldBe(0);
        subscription.CreatedAt.ShouldBe(Now);
        subscription.UpdatedAt.ShouldBe(Now);
        subscription.Version.ShouldBe(1);
        subscription.Wants(WebhookEventTypes.StatusAppended).ShouldBeTrue();
        subscription.Wants(WebhookEventTypes.CommitmentOverdue).ShouldBeFalse();
        subscription.Wants("STATUS.APPENDED").ShouldBeFalse("event types are compared exactly");
    }

    [Theory]
    [InlineData("not a url", "The URL must be an absolute http(s) URL.")]
    [InlineData("/relative/hook", "The URL must be an absolute http(s) URL.")]
    [InlineData("ftp://example.org/hook", "The URL must be an absolute http(s) URL.")]
    public void Refuses_a_url_that_is_not_absolute_http_saying_so(string url, string message)
    {
        Should.Throw<DomainRuleException>(() => new WebhookSubscription("Receiver", url, [WebhookEventTypes.StatusAppended], "protected", Now)).Message.ShouldBe(message);
    }

    [Fact]
    public void Accepts_plain_http_and_refuses_no_or_unknown_event_types_naming_the_known_ones()
    {
        new WebhookSubscription("R", "http://127.0.0.1:9/hook", [WebhookEventTypes.StatusAppended], "p", Now).Url.ShouldBe("http://127.0.0.1:9/hook");

        Should.Throw<DomainRuleException>(() => new WebhookSubscription("R", "https://example.org", [], "p", Now))
            .Message.ShouldBe("A subscription needs at least one event type.");
        Should.Throw<DomainRuleException>(() => new WebhookSubscription("R", "https://example.org", ["commitment.deleted"], "p", Now))
            .Message.ShouldBe("'commitment.deleted' is not an event type; use commitment.created, commitment.updated, status.appended, commitment.overdue.");
        Should.Throw<DomainRuleException>(() => new WebhookSubscription("R", "https://example.org", [WebhookEventTypes.StatusAppended], " ", Now))
            .Field.ShouldBe("ProtectedSecret");
    }

    [Fact]
    public void Revise_enable_and_disable_each_bump_the_version_and_the_time()
    {
        var subscription = Subscription();

        subscription.Revise("Renamed", "https://example.org/other", [WebhookEventTypes.CommitmentOverdue], Now.AddMinutes(1));
        subscription.Name.ShouldBe("Renamed");
        subscription.Url.ShouldBe("https://example.org/other");
        subscription.EventTypes.ShouldBe([WebhookEventTypes.CommitmentOverdue]);
        (subscription.Version, subscription.UpdatedAt).ShouldBe((2L, Now.AddMinutes(1)));

        subscription.Disable("  Moving the receiver ", Now.AddMinutes(2));
        subscription.IsEnabled.ShouldBeFalse();
        subscription.DisabledReason.ShouldBe("Moving the receiver");
        subscription.DisabledAt.ShouldBe(Now.AddMinutes(2));
        (subscription.Version, subscription.UpdatedAt).ShouldBe((3L, Now.AddMinutes(2)));

        subscription.Enable(Now.AddMinutes(3));
        subscription.DisabledAt.ShouldBeNull();
        (subscription.Version, subscription.UpdatedAt).ShouldBe((4L, Now.AddMinutes(3)));
        subscription.CreatedAt.ShouldBe(Now);
    }

    [Fact]
    public void A_long_failure_reason_is_cut_to_the_limit_and_a_disabled_subscription_is_not_disabled_again()
    {
        var subscription = Subscription();
        var outcome = new string('x', WebhookSubscription.MaxReasonLength);

        subscription.RecordFailure(outcome, disableAfter: 1, Now);

        subscription.DisabledReason!.Length.ShouldBe(WebhookSubscription.MaxReasonLength);
        subscription.DisabledReason.ShouldStartWith("Disabled after 1 consecutive failures; last: xxx");
        var version = subscription.Version;
        subscription.RecordFailure("HTTP 500", disableAfter: 1, Now.AddMinutes(1));
        subscription.ConsecutiveFailures.ShouldBe(2);
        subscription.Version.ShouldBe(version);
        subscription.DisabledAt.ShouldBe(Now);
    }

    [Fact]
    public void A_reason_exactly_at_the_limit_is_kept_whole()
    {
        var subscription = Subscription();
        var prefix = "Disabled after 1 consecutive failures; last: ";
        var outcome = new string('y', WebhookSubscription.MaxReasonLength - prefix.Length);

        subscription.RecordFailure(outcome, disableAfter: 1, Now);

        subscription.DisabledReason.ShouldBe(prefix + outcome);
    }
}
