using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Webhooks;

namespace CommitmentTracker.Domain.Tests.Webhooks;

/// <summary>Outbox events, the deliveries made from them and every attempt, and the overdue notice that fires once.</summary>
public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_outbox_event_keeps_the_payloads_id_and_refuses_an_unknown_type()
    {
        var id = Guid.NewGuid();

        var e = new OutboxEvent(id, WebhookEventTypes.StatusAppended, "{\"x\":1}", Now);

        e.Id.ShouldBe(id);
        e.Type.ShouldBe(WebhookEventTypes.StatusAppended);
        e.Payload.ShouldBe("{\"x\":1}");
        e.OccurredAt.ShouldBe(Now);
        e.FannedOutAt.ShouldBeNull();
        e.MarkFannedOut(Now.AddSeconds(1));
        e.FannedOutAt.ShouldBe(Now.AddSeconds(1));

        var ex = Should.Throw<DomainRuleException>(() => new OutboxEvent(id, "commitment.deleted", "{}", Now));
        ex.Field.ShouldBe("Type");
        ex.Message.ShouldBe("'commitment.deleted' is not an event type.");
    }

    [Fact]
    public void A_new_delivery_is_pending_and_due_at_once()
    {
        var subscription = Guid.NewGuid();
        var e = Event();

        var delivery = new WebhookDelivery(subscription, e, Now);

        delivery.SubscriptionId.ShouldBe(subscription);
        delivery.EventId.ShouldBe(e.Id);
        delivery.EventType.ShouldBe(WebhookEventTypes.CommitmentCreated);
        delivery.State.ShouldBe(DeliveryState.Pending);
        delivery.AttemptCount.ShouldBe(0);
        delivery.CreatedAt.ShouldBe(Now);
        delivery.NextAttemptAt.ShouldBe(Now);
        delivery.DeliveredAt.ShouldBeNull();
        delivery.LastOutcome.ShouldBeNull();
        delivery.Attempts.ShouldBeEmpty();
    }

    [Fact]
    public void A_failure_with_a_retry_stays_pending_and_a_success_delivers()
    {
        var delivery = new WebhookDelivery(Guid.NewGuid(), Event(), Now);

        var failed = delivery.Failed(Now, 500, null, TimeSpan.FromMilliseconds(12.6), Now.AddMinutes(1));

        failed.Number.ShouldBe(1);
        failed.DeliveryId.ShouldBe(delivery.Id);
        failed.At.ShouldBe(Now);
        failed.StatusCode.ShouldBe(500);
        failed.Error.ShouldBeNull();
        failed.DurationMs.ShouldBe(13);
        failed.Outcome.ShouldBe("HTTP 500");
        failed.Succeeded.ShouldBeFalse();
        delivery.State.ShouldBe(DeliveryState.Pending);
        delivery.NextAttemptAt.ShouldBe(Now.AddMinutes(1));
        delivery.LastOutcome.ShouldBe("HTTP 500");

        var succeeded = delivery.Succeeded(Now.AddMinutes(1), 204, TimeSpan.FromMilliseconds(5));

        succeeded.Number.ShouldBe(2);
        succeeded.Succeeded.ShouldBeTrue();
        succeeded.Outcome.ShouldBe("HTTP 204");
        delivery.State.ShouldBe(DeliveryState.Delivered);
        delivery.DeliveredAt.ShouldBe(Now.AddMinutes(1));
        delivery.AttemptCount.ShouldBe(2);
        delivery.Attempts.Select(a => a.Number).ShouldBe([1, 2]);
        delivery.LastOutcome.ShouldBe("HTTP 204");
    }

    [Theory]
    [InlineData(199, false)]
    [InlineData(200, true)]
    [InlineData(299, true)]
    [InlineData(300, false)]
    public void Only_a_2xx_answer_is_a_success(int status, bool succeeded)
    {
        var delivery = new WebhookDelivery(Guid.NewGuid(), Event(), Now);

        delivery.Failed(Now, status, null, TimeSpan.Zero, Now).Succeeded.ShouldBe(succeeded);
    }

    [Fact]
    public void A_failure_without_a_retry_abandons_the_delivery_and_a_long_error_is_cut()
    {
        var delivery = new WebhookDelivery(Guid.NewGuid(), Event(), Now);
        var error = new string('e', WebhookDelivery.MaxOutcomeLength + 10);

        var attempt = delivery.Failed(Now, null, error, TimeSpan.Zero, retryAt: null);

        delivery.State.ShouldBe(DeliveryState.Abandoned);
        delivery.NextAttemptAt.ShouldBe(Now);
        attempt.Error.ShouldBe(new string('e', WebhookDelivery.MaxOutcomeLength));
        attempt.Outcome.ShouldBe(attempt.Error);
        delivery.Failed(Now, null, new string('e', WebhookDelivery.MaxOutcomeLength), TimeSpan.Zero, null).Error!.Length.ShouldBe(WebhookDelivery.MaxOutcomeLength);
    }

    [Fact]
    public void An_interrupted_attempt_is_due_again_at_once_and_says_why()
    {
        var delivery = new WebhookDelivery(Guid.NewGuid(), Event(), Now);

        var attempt = delivery.Interrupted(Now.AddSeconds(5), TimeSpan.FromSeconds(1));

        attempt.Error.ShouldBe("Interrupted: the app stopped before the receiver answered");
        attempt.StatusCode.ShouldBeNull();
        attempt.DurationMs.ShouldBe(1000);
        delivery.State.ShouldBe(DeliveryState.Pending);
        delivery.NextAttemptAt.ShouldBe(Now.AddSeconds(5));
    }

    [Fact]
    public void DueNow_brings_a_waiting_retry_forward_but_never_pushes_one_back_or_revives_a_closed_delivery()
    {
        var waiting = new WebhookDelivery(Guid.NewGuid(), Event(), Now);
        waiting.Failed(Now, 500, null, TimeSpan.Zero, Now.AddMinutes(10));
        waiting.DueNow(Now.AddMinutes(1));
        waiting.NextAttemptAt.ShouldBe(Now.AddMinutes(1));
        waiting.DueNow(Now.AddMinutes(5));
        waiting.NextAttemptAt.ShouldBe(Now.AddMinutes(1), "already due earlier");

        var abandoned = new WebhookDelivery(Guid.NewGuid(), Event(), Now);
        abandoned.Failed(Now, 500, null, TimeSpan.Zero, null);
        abandoned.DueNow(Now.AddMinutes(1));
        abandoned.NextAttemptAt.ShouldBe(Now);
        abandoned.State.ShouldBe(DeliveryState.Abandoned);
    }

    [Fact]
    public void An_overdue_notice_is_made_only_for_an_overdue_commitment_and_raises_the_event_once()
    {
        var meeting = new Meeting("NSK-2023", "Forum", new DateOnly(2023, 10, 10), "Novosibirsk", MeetingFormat.Bilateral, null, Now.AddYears(-2));
        var due = new DueWindow("autumn 2024", DuePrecision.Season, new DateOnly(2024, 9, 1), new DateOnly(2024, 11, 30));
        var commitment = new Commitment("NSK-2023-009", meeting, new CommitmentTerms("Days of Belarus", null, CommitmentKind.CulturalEvent, Modality.Firm, Guid.NewGuid(), due, [], []), "analyst", Now.AddYears(-1));
        var onTheLastDay = new DateTimeOffset(2024, 11, 30, 23, 0, 0, TimeSpan.Zero);

        var notOverdue = Should.Throw<DomainRuleException>(() => new OverdueNotice(commitment, onTheLastDay));
        notOverdue.Field.ShouldBe("DueLatest");
        notOverdue.Message.ShouldBe("NSK-2023-009 is not overdue on 2024-11-30.");

        var notice = new OverdueNotice(commitment, Now);

        notice.CommitmentId.ShouldBe(commitment.Id);
        notice.DueLatest.ShouldBe(new DateOnly(2024, 11, 30));
        notice.RecordedAt.ShouldBe(Now);
        var raised = notice.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<CommitmentWentOverdue>();
        raised.Id.ShouldBe(notice.EventId);
        raised.Commitment.ShouldBeSameAs(commitment);
        raised.DueLatest.ShouldBe(new DateOnly(2024, 11, 30));
        raised.OccurredAt.ShouldBe(Now);
        Should.Throw<ArgumentNullException>(() => new OverdueNotice(null!, Now));
    }

    private static OutboxEvent Event() => new(Guid.NewGuid(), WebhookEventTypes.CommitmentCreated, "{}", Now);
}
