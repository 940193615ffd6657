using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;

namespace CommitmentTracker.Domain.Tests.Commitments;

public class CommitmentTests
{
    private const string Author = "analyst@example.org";

    // "The parties agreed to " is 22 characters; "open a trade house" runs from 22 to 40.
    private const string DocumentText = "The parties agreed to open a trade house in Minsk by autumn 2024.";
    private const int QuoteStart = 22;
    private const int QuoteEnd = 40;
    private const string Quote = "open a trade house";

    private static readonly DateOnly MeetingDate = new(2023, 10, 10);
    private static readonly DateTimeOffset CapturedAt = new(2023, 10, 11, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Issuer = Guid.NewGuid();

    [Fact]
    public void A_new_commitment_starts_captured_with_one_log_entry()
    {
        var commitment = NewCommitment();

        commitment.Code.ShouldBe("NSK-2023-001");
        commitment.CurrentStatus.ShouldBe(LifecycleStatus.Captured);
        commitment.IsClosed.ShouldBeFalse();
        commitment.Version.ShouldBe(1);
        commitment.CreatedAt.ShouldBe(CapturedAt);
        commitment.UpdatedAt.ShouldBe(CapturedAt);

        var entry = commitment.StatusLog.ShouldHaveSingleItem();
        entry.Sequence.ShouldBe(1);
        entry.Status.ShouldBe(LifecycleStatus.Captured);
        entry.Author.ShouldBe(Author);
        entry.At.ShouldBe(CapturedAt);
        entry.CommitmentId.ShouldBe(commitment.Id);
    }

    [Fact]
    public void Capture_then_a_status_then_a_reschedule_raise_one_event_each_in_order()
    {
        var commitment = NewCommitment();
        var entry = commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, CapturedAt.AddDays(1));
        commitment.Reschedule(DueWindow.OnDay("1 May 2025", new DateOnly(2025, 5, 1)), CapturedAt.AddDays(2));

        var events = commitment.TakeDomainEvents();

        events.Count.ShouldBe(3);
        events[0].ShouldBeOfType<CommitmentCaptured>().Commitment.ShouldBeSameAs(commitment);
        events[0].OccurredAt.ShouldBe(CapturedAt);
        events[1].ShouldBeOfType<StatusAppended>().Entry.ShouldBeSameAs(entry);
        events[2].ShouldBeOfType<CommitmentRevised>().OccurredAt.ShouldBe(CapturedAt.AddDays(2));
        events.Select(e => e.Id).Distinct().Count().ShouldBe(3);
        commitment.TakeDomainEvents().ShouldBeEmpty("events are handed over once");
    }

    [Fact]
    public void A_refused_status_move_raises_nothing()
    {
        var commitment = NewCommitment();
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, CapturedAt.AddDays(1));
        commitment.TakeDomainEvents();

        // No status goes back to Captured: that move stays refused.
        Should.Throw<DomainRuleException>(() =>
            commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Captured), Author, CapturedAt.AddDays(2)));

        commitment.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void A_new_commitment_belongs_to_its_meeting()
    {
        var meeting = NewMeeting();

        var commitment = NewCommitment(meeting);

        commitment.MeetingId.ShouldBe(meeting.Id);
        commitment.Meeting.ShouldBeSameAs(meeting);
        commitment.IssuerPartyId.ShouldBe(Issuer);
    }

    [Fact]
    public void AppendStatus_along_a_legal_path_extends_the_log_and_bumps_the_version()
    {
        var commitment = NewCommitment();
        (LifecycleStatus Status, string? Rationale)[] path =
        [
            (LifecycleStatus.Confirmed, null),
            (LifecycleStatus.InProgress, null),
            (LifecycleStatus.Stalled, "Financing not agreed."),
            (LifecycleStatus.InProgress, null),
            (LifecycleStatus.Fulfilled, null),
        ];

        for (var i = 0; i < path.Length; i++)
        {
            var at = CapturedAt.AddDays(i + 1);
            var entry = commitment.AppendStatus(new StatusAssessment(path[i].Status, rationale: path[i].Rationale), Author, at);

            entry.Sequence.ShouldBe(i + 2);
            entry.Status.ShouldBe(path[i].Status);
            entry.At.ShouldBe(at);
            entry.CommitmentId.ShouldBe(commitment.Id);
            commitment.CurrentStatus.ShouldBe(path[i].Status);
            commitment.Version.ShouldBe(i + 2);
            commitment.UpdatedAt.ShouldBe(at);
        }

        commitment.StatusLog.Select(e => e.Status).ShouldBe(
        [
            LifecycleStatus.Captured,
            LifecycleStatus.Confirmed,
            LifecycleStatus.InProgress,
            LifecycleStatus.Stalled,
            LifecycleStatus.InProgress,
            LifecycleStatus.Fulfilled,
        ]);
        commitment.StatusLog.Select(e => e.Sequence).ShouldBe([1, 2, 3, 4, 5, 6]);
        commitment.IsClosed.ShouldBeTrue();
    }

    [Fact]
    public void AppendStatus_copies_the_assessment_into_the_entry()
    {
        var commitment = NewCommitment();

        var entry = commitment.AppendStatus(
            new StatusAssessment(LifecycleStatus.Confirmed, 0, Confidence.Amber, "  Confirmed by the ministry.  ", ["https://example.org/news/1"]),
            Author,
            CapturedAt.AddDays(1));

        entry.ComplianceScore.ShouldBe(0);
        entry.Confidence.ShouldBe(Confidence.Amber);
        entry.Rationale.ShouldBe("Confirmed by the ministry.");
        entry.EvidenceLinks.ShouldBe(["https://example.org/news/1"]);
        entry.Author.ShouldBe(Author);
    }

    [Fact]
    public void An_illegal_move_is_refused_and_changes_nothing()
    {
        var commitment = NewCommitment();
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.InProgress), Author, CapturedAt.AddDays(1));

        var ex = Should.Throw<DomainRuleException>(() =>
            commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, CapturedAt.AddDays(2)));

        ex.Field.ShouldBe("Status");
        ex.Message.ShouldContain("from InProgress to Confirmed");
        commitment.StatusLog.Count.ShouldBe(2);
        commitment.CurrentStatus.ShouldBe(LifecycleStatus.InProgress);
        commitment.Version.ShouldBe(2);
        commitment.UpdatedAt.ShouldBe(CapturedAt.AddDays(1));
    }

    [Fact]
    public void A_closed_commitment_cannot_be_reopened()
    {
        var commitment = NewCommitment();
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Withdrawn, rationale: "Dropped by both sides."), Author, CapturedAt.AddDays(1));

        var ex = Should.Throw<DomainRuleException>(() =>
            commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, CapturedAt.AddDays(2)));

        ex.Field.ShouldBe("Status");
        commitment.CurrentStatus.ShouldBe(LifecycleStatus.Withdrawn);
        commitment.StatusLog.Count.ShouldBe(2);
        commitment.Version.ShouldBe(2);
    }

    [Fact]
    public void An_entry_dated_before_the_latest_entry_is_refused_and_changes_nothing()
    {
        var commitment = NewCommitment();
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, CapturedAt.AddDays(2));

        var ex = Should.Throw<DomainRuleException>(() =>
            commitment.AppendStatus(new StatusAssessment(LifecycleStatus.InProgress), Author, CapturedAt.AddDays(1)));

        ex.Field.ShouldBe("At");
        ex.Message.ShouldContain("before the latest entry");
        commitment.StatusLog.Count.ShouldBe(2);
        commitment.CurrentStatus.ShouldBe(LifecycleStatus.Confirmed);
        commitment.Version.ShouldBe(2);
        commitment.UpdatedAt.ShouldBe(CapturedAt.AddDays(2));
    }

    [Fact]
    public void An_entry_dated_before_the_capture_is_refused()
    {
        var commitment = NewCommitment();

        var ex = Should.Throw<DomainRuleException>(() =>
            commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, CapturedAt.AddMinutes(-1)));

        ex.Field.ShouldBe("At");
        commitment.StatusLog.Count.ShouldBe(1);
    }

    [Fact]
    public void An_entry_at_the_same_instant_as_the_latest_is_accepted_and_ordered_by_sequence()
    {
        var commitment = NewCommitment();

        var entry = commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, CapturedAt);

        entry.Sequence.ShouldBe(2);
        commitment.CurrentStatus.ShouldBe(LifecycleStatus.Confirmed);
        commitment.StatusOn(new DateOnly(2023, 10, 11)).ShouldBe(LifecycleStatus.Confirmed);
    }

    [Fact]
    public void Recording_the_same_status_again_is_an_assessment()
    {
        var commitment = NewCommitment();
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, CapturedAt.AddDays(1));

        var entry = commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed, 1, Confidence.Green), Author, CapturedAt.AddDays(2));

        entry.Sequence.ShouldBe(3);
        entry.Status.ShouldBe(LifecycleStatus.Confirmed);
        entry.ComplianceScore.ShouldBe(1);
        commitment.CurrentStatus.ShouldBe(LifecycleStatus.Confirmed);
        commitment.Version.ShouldBe(3);
    }

    [Fact]
    public void A_closed_commitment_still_accepts_a_same_status_assessment()
    {
        var commitment = NewCommitment();
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Withdrawn, rationale: "Dropped."), Author, CapturedAt.AddDays(1));

        var entry = commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Withdrawn, rationale: "Confirmed dropped."), Author, CapturedAt.AddDays(2));

        entry.Sequence.ShouldBe(3);
        commitment.CurrentStatus.ShouldBe(LifecycleStatus.Withdrawn);
    }

    [Fact]
    public void IsOverdue_once_the_latest_day_has_passed_while_open()
    {
        var commitment = NewCommitment(terms: Terms(due: DueWindow.OnDay("by 1 December 2023", new DateOnly(2023, 12, 1))));

        commitment.IsOverdue(new DateOnly(2023, 12, 2)).ShouldBeTrue();
        commitment.IsOverdue(new DateOnly(2024, 6, 1)).ShouldBeTrue();
    }

    [Fact]
    public void IsOverdue_is_false_on_the_latest_day_itself_and_before_it()
    {
        var commitment = NewCommitment(terms: Terms(due: DueWindow.OnDay("by 1 December 2023", new DateOnly(2023, 12, 1))));

        commitment.IsOverdue(new DateOnly(2023, 12, 1)).ShouldBeFalse();
        commitment.IsOverdue(new DateOnly(2023, 11, 30)).ShouldBeFalse();
    }

    [Fact]
    public void IsOverdue_is_false_once_closed()
    {
        var commitment = NewCommitment(terms: Terms(due: DueWindow.OnDay("by 1 December 2023", new DateOnly(2023, 12, 1))));
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Withdrawn, rationale: "Dropped."), Author, CapturedAt.AddDays(1));

        commitment.IsOverdue(new DateOnly(2024, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void IsOverdue_is_false_without_a_due_window()
    {
        var commitment = NewCommitment(terms: Terms(due: null));

        commitment.IsOverdue(new DateOnly(2099, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void IsOverdue_is_false_for_an_open_ended_due_window()
    {
        var commitment = NewCommitment(terms: Terms(due: new DueWindow("in the near future", DuePrecision.Open, MeetingDate, null)));

        commitment.IsOverdue(new DateOnly(2099, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public void StatusOn_returns_the_status_in_effect_at_the_end_of_a_day()
    {
        var commitment = NewCommitment();
        var confirmedAt = CapturedAt.AddDays(3);
        var startedAt = CapturedAt.AddDays(10);
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, confirmedAt);
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.InProgress), Author, startedAt);

        commitment.StatusOn(new DateOnly(2023, 10, 10)).ShouldBeNull();
        commitment.StatusOn(new DateOnly(2023, 10, 11)).ShouldBe(LifecycleStatus.Captured);
        commitment.StatusOn(new DateOnly(2023, 10, 13)).ShouldBe(LifecycleStatus.Captured);
        commitment.StatusOn(new DateOnly(2023, 10, 14)).ShouldBe(LifecycleStatus.Confirmed);
        commitment.StatusOn(new DateOnly(2023, 10, 20)).ShouldBe(LifecycleStatus.Confirmed);
        commitment.StatusOn(new DateOnly(2023, 10, 21)).ShouldBe(LifecycleStatus.InProgress);
        commitment.StatusOn(new DateOnly(2028, 10, 21)).ShouldBe(LifecycleStatus.InProgress);
    }

    [Fact]
    public void An_entry_takes_effect_on_the_UTC_day_it_is_recorded_unless_told_otherwise()
    {
        var commitment = NewCommitment();

        // 01:30 at UTC+3 on the 20th is 22:30 UTC on the 19th.
        var entry = commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, new DateTimeOffset(2023, 10, 20, 1, 30, 0, TimeSpan.FromHours(3)));

        entry.EffectiveOn.ShouldBe(new DateOnly(2023, 10, 19));
        commitment.StatusLog[0].EffectiveOn.ShouldBe(new DateOnly(2023, 10, 11));
    }

    [Fact]
    public void A_back_dated_entry_is_what_as_of_reads_while_the_recorded_time_stays()
    {
        var commitment = NewCommitment();
        var recordedAt = new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero);

        var entry = commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Stalled, rationale: "Stalled in March."), Author, recordedAt, new DateOnly(2024, 3, 15));

        entry.At.ShouldBe(recordedAt);
        entry.EffectiveOn.ShouldBe(new DateOnly(2024, 3, 15));
        commitment.StatusOn(new DateOnly(2024, 3, 14)).ShouldBe(LifecycleStatus.Captured);
        commitment.StatusOn(new DateOnly(2024, 3, 15)).ShouldBe(LifecycleStatus.Stalled);
        commitment.CurrentStatus.ShouldBe(LifecycleStatus.Stalled);
    }

    [Theory]
    [InlineData("2024-06-02", "in the future")]
    [InlineData("2023-10-09", "before the meeting of 2023-10-10")]
    [InlineData("2024-01-31", "before 2024-02-01, the effective date of the latest entry")]
    public void An_effective_date_outside_its_bounds_is_refused_and_changes_nothing(string effective, string says)
    {
        var commitment = NewCommitment();
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, new DateTimeOffset(2024, 2, 1, 8, 0, 0, TimeSpan.Zero));

        var ex = Should.Throw<DomainRuleException>(() => commitment.AppendStatus(
            new StatusAssessment(LifecycleStatus.InProgress), Author, new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero), DateOnly.Parse(effective, System.Globalization.CultureInfo.InvariantCulture)));

        ex.Field.ShouldBe("EffectiveOn");
        ex.Message.ShouldContain(says);
        commitment.StatusLog.Count.ShouldBe(2);
        commitment.CurrentStatus.ShouldBe(LifecycleStatus.Confirmed);
    }

    [Fact]
    public void The_effective_date_may_be_the_meeting_day_today_or_the_latest_entrys_day()
    {
        var commitment = NewCommitment();
        var now = new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero);

        EffectiveDay.Problem(MeetingDate, MeetingDate, null, new DateOnly(2024, 6, 1)).ShouldBeNull();
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed), Author, now, new DateOnly(2023, 10, 11)).EffectiveOn.ShouldBe(new DateOnly(2023, 10, 11));
        commitment.AppendStatus(new StatusAssessment(LifecycleStatus.InProgress), Author, now, new DateOnly(2024, 6, 1)).EffectiveOn.ShouldBe(new DateOnly(2024, 6, 1));
        EffectiveDay.Earliest(MeetingDate, new DateOnly(2024, 6, 1)).ShouldBe(new DateOnly(2024, 6, 1));
        EffectiveDay.Earliest(MeetingDate, null).ShouldBe(MeetingDate);
    }

    [Fact]
    public void Cite_accepts_the_exact_quote()
    {
        var meeting = NewMeeting();
        var document = AddDocument(meeting);
        var commitment = NewCommitment(meeting);

        var span = commitment.Cite(document, QuoteStart, QuoteEnd, Quote);

        span.Quote.ShouldBe(Quote);
        span.Start.ShouldBe(QuoteStart);
        span.End.ShouldBe(QuoteEnd);
        span.DocumentId.ShouldBe(document.Id);
        span.CommitmentId.ShouldBe(commitment.Id);
        commitment.Spans.ShouldHaveSingleItem().ShouldBeSameAs(span);
    }

    [Fact]
    public void Cite_without_a_quote_takes_the_words_from_the_document()
    {
        var meeting = NewMeeting();
        var document = AddDocument(meeting);
        var commitment = NewCommitment(meeting);

        var span = commitment.Cite(document, QuoteStart, QuoteEnd, expectedQuote: null);

        span.Quote.ShouldBe(Quote);
    }

    [Fact]
    public void Cite_accepts_the_whole_document()
    {
        var meeting = NewMeeting();
        var document = AddDocument(meeting);
        var commitment = NewCommitment(meeting);

        var span = commitment.Cite(document, 0, DocumentText.Length, DocumentText);

        span.Quote.ShouldBe(DocumentText);
    }

    [Theory]
    [InlineData("open a trade centre")]
    [InlineData("Open a trade house")]
    [InlineData("open a trade house ")]
    [InlineData("")]
    public void Cite_refuses_a_quote_that_does_not_match_and_quotes_the_document(string wrongQuote)
    {
        var meeting = NewMeeting();
        var document = AddDocument(meeting);
        var commitment = NewCommitment(meeting);

        var ex = Should.Throw<DomainRuleException>(() => commitment.Cite(document, QuoteStart, QuoteEnd, wrongQuote));

        ex.Field.ShouldBe("Spans");
        ex.Message.ShouldContain($"at {QuoteStart}–{QuoteEnd}");
        ex.Message.ShouldContain($"the document reads “{Quote}”");
        commitment.Spans.ShouldBeEmpty();
    }

    [Fact]
    public void A_mismatch_message_shortens_a_long_document_passage()
    {
        var text = new string('a', 200);
        var meeting = NewMeeting();
        var document = meeting.AddDocument("Long record", null, "en", text, CapturedAt);
        var commitment = NewCommitment(meeting);

        var ex = Should.Throw<DomainRuleException>(() => commitment.Cite(document, 0, 200, "b"));

        ex.Message.ShouldContain($"“{new string('a', 117)}…”");
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(10, 10)]
    [InlineData(10, 5)]
    [InlineData(0, 66)]
    [InlineData(65, 66)]
    [InlineData(100, 120)]
    public void Cite_refuses_offsets_outside_the_document(int start, int end)
    {
        var meeting = NewMeeting();
        var document = AddDocument(meeting);
        var commitment = NewCommitment(meeting);

        var ex = Should.Throw<DomainRuleException>(() => commitment.Cite(document, start, end, expectedQuote: null));

        ex.Field.ShouldBe("Spans");
        ex.Message.ShouldContain($"Span {start}–{end} does not lie inside the document 'Transcript' (0–{DocumentText.Length})");
        commitment.Spans.ShouldBeEmpty();
    }

    [Fact]
    public void Cite_refuses_a_document_of_another_meeting()
    {
        var otherMeeting = new Meeting("KRD-2023", "Krasnodar forum", new DateOnly(2023, 9, 19), "Krasnodar", MeetingFormat.Multilateral, null, CapturedAt);
        var foreignDocument = AddDocument(otherMeeting);
        var commitment = NewCommitment(NewMeeting());

        var ex = Should.Throw<DomainRuleException>(() => commitment.Cite(foreignDocument, QuoteStart, QuoteEnd, Quote));

        ex.Field.ShouldBe("Spans");
        ex.Message.ShouldContain("commitment's own meeting");
        commitment.Spans.ShouldBeEmpty();
    }

    [Fact]
    public void Cite_refuses_the_same_span_twice()
    {
        var meeting = NewMeeting();
        var document = AddDocument(meeting);
        var commitment = NewCommitment(meeting);
        commitment.Cite(document, QuoteStart, QuoteEnd, Quote);

        var ex = Should.Throw<DomainRuleException>(() => commitment.Cite(document, QuoteStart, QuoteEnd, null));

        ex.Field.ShouldBe("Spans");
        ex.Message.ShouldContain($"{QuoteStart}–{QuoteEnd} is already cited");
        commitment.Spans.Count.ShouldBe(1);
    }

    [Fact]
    public void Cite_accepts_overlapping_but_different_spans_and_ClearSpans_removes_them()
    {
        var meeting = NewMeeting();
        var document = AddDocument(meeting);
        var commitment = NewCommitment(meeting);

        commitment.Cite(document, QuoteStart, QuoteEnd, Quote);
        commitment.Cite(document, QuoteStart, QuoteEnd + 9, "open a trade house in Minsk");
        commitment.Spans.Count.ShouldBe(2);

        commitment.ClearSpans();
        commitment.Spans.ShouldBeEmpty();
    }

    [Fact]
    public void Tags_are_trimmed_lower_cased_and_deduplicated_and_blanks_dropped()
    {
        var commitment = NewCommitment(terms: Terms(tags: [" Trade ", "trade", "HUB", "", "   ", "Hub", "logistics"]));

        commitment.Tags.ShouldBe(["trade", "hub", "logistics"]);
    }

    [Fact]
    public void Twenty_tags_are_allowed_and_counted_after_normalising()
    {
        // 21 inputs, but "Tag0" and "tag0" are the same tag.
        var tags = Enumerable.Range(0, 20).Select(i => $"tag{i}").Append("Tag0").ToList();

        var commitment = NewCommitment(terms: Terms(tags: tags));

        commitment.Tags.Count.ShouldBe(20);
    }

    [Fact]
    public void More_than_twenty_tags_are_refused()
    {
        var tags = Enumerable.Range(0, 21).Select(i => $"tag{i}").ToList();

        var ex = Should.Throw<DomainRuleException>(() => NewCommitment(terms: Terms(tags: tags)));

        ex.Field.ShouldBe("Tags");
        ex.Message.ShouldContain("at most 20 tags");
    }

    [Fact]
    public void A_tag_longer_than_forty_characters_is_refused()
    {
        var ex = Should.Throw<DomainRuleException>(() => NewCommitment(terms: Terms(tags: [new string('x', 41)])));

        ex.Field.ShouldBe("Tags");
        ex.Message.ShouldContain("longer than 40 characters");
    }

    [Fact]
    public void Each_party_gets_its_responsibility()
    {
        var lead = Guid.NewGuid();
        var counterpart = Guid.NewGuid();

        var commitment = NewCommitment(terms: Terms(responsibilities: [(lead, ResponsibilityRole.Lead), (counterpart, ResponsibilityRole.Counterpart)]));

        commitment.Responsibilities.Select(r => (r.PartyId, r.Role)).ShouldBe([(lead, ResponsibilityRole.Lead), (counterpart, ResponsibilityRole.Counterpart)]);
        commitment.Responsibilities.ShouldAllBe(r => r.CommitmentId == commitment.Id);
    }

    [Fact]
    public void Two_roles_for_one_party_are_refused()
    {
        var party = Guid.NewGuid();

        var ex = Should.Throw<DomainRuleException>(() =>
            NewCommitment(terms: Terms(responsibilities: [(party, ResponsibilityRole.Lead), (party, ResponsibilityRole.Contributor)])));

        ex.Field.ShouldBe("Responsibilities");
        ex.Message.ShouldContain("only one role");
    }

    [Fact]
    public void One_party_twice_among_distinct_parties_is_refused()
    {
        // Kills the rule weakened from "any party twice" to "every party twice": one repeated party is enough.
        var twice = Guid.NewGuid();
        var once = Guid.NewGuid();

        var ex = Should.Throw<DomainRuleException>(() =>
            NewCommitment(terms: Terms(responsibilities: [(twice, ResponsibilityRole.Lead), (once, ResponsibilityRole.Counterpart), (twice, ResponsibilityRole.Contributor)])));

        ex.Field.ShouldBe("Responsibilities");
        ex.Message.ShouldBe("A party can hold only one role in a commitment.");
    }

    [Fact]
    public void Revise_replaces_the_responsibilities_instead_of_adding_to_them()
    {
        // Every update sends the full list: without clearing first, two responsibilities became four.
        var lead = Guid.NewGuid();
        var counterpart = Guid.NewGuid();
        var commitment = NewCommitment(terms: Terms(responsibilities: [(lead, ResponsibilityRole.Lead), (counterpart, ResponsibilityRole.Counterpart)]));

        commitment.Revise(Terms(responsibilities: [(lead, ResponsibilityRole.Lead), (counterpart, ResponsibilityRole.Counterpart)]), CapturedAt.AddDays(1));
        commitment.Revise(Terms(responsibilities: [(counterpart, ResponsibilityRole.Lead)]), CapturedAt.AddDays(2));

        commitment.Responsibilities.Select(r => (r.PartyId, r.Role)).ShouldBe([(counterpart, ResponsibilityRole.Lead)]);
    }

    [Fact]
    public void A_refused_revision_keeps_the_earlier_responsibilities()
    {
        var lead = Guid.NewGuid();
        var commitment = NewCommitment(terms: Terms(responsibilities: [(lead, ResponsibilityRole.Lead)]));
        var other = Guid.NewGuid();

        Should.Throw<DomainRuleException>(() =>
            commitment.Revise(Terms(responsibilities: [(other, ResponsibilityRole.Lead), (other, ResponsibilityRole.CoLead)]), CapturedAt.AddDays(1)));

        commitment.Responsibilities.Select(r => (r.PartyId, r.Role)).ShouldBe([(lead, ResponsibilityRole.Lead)]);
    }

    [Fact]
    public void Revise_refuses_two_roles_for_one_party()
    {
        var commitment = NewCommitment();
        var party = Guid.NewGuid();

        var ex = Should.Throw<DomainRuleException>(() =>
            commitment.Revise(Terms(responsibilities: [(party, ResponsibilityRole.Lead), (party, ResponsibilityRole.CoLead)]), CapturedAt.AddDays(1)));

        ex.Field.ShouldBe("Responsibilities");
    }

    [Fact]
    public void Revise_replaces_the_terms_and_bumps_the_version()
    {
        var commitment = NewCommitment(terms: Terms(tags: ["old"]));
        var revisedAt = CapturedAt.AddDays(1);
        var due = DueWindow.OnDay("1 October 2024", new DateOnly(2024, 10, 1));
        var party = Guid.NewGuid();

        commitment.Revise(Terms(due: due, responsibilities: [(party, ResponsibilityRole.Lead)], tags: ["New"]) with { Title = "  Open a trade house in Minsk  " }, revisedAt);

        commitment.Title.ShouldBe("Open a trade house in Minsk");
        commitment.Due.ShouldBe(due);
        commitment.Tags.ShouldBe(["new"]);
        commitment.Responsibilities.ShouldHaveSingleItem().PartyId.ShouldBe(party);
        commitment.Version.ShouldBe(2);
        commitment.UpdatedAt.ShouldBe(revisedAt);
        commitment.CurrentStatus.ShouldBe(LifecycleStatus.Captured);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_title_is_required(string title)
    {
        var ex = Should.Throw<DomainRuleException>(() => NewCommitment(terms: Terms() with { Title = title }));

        ex.Field.ShouldBe("Title");
    }

    [Fact]
    public void Reschedule_changes_the_due_fields()
    {
        var commitment = NewCommitment(terms: Terms(due: DueWindow.OnDay("1 October 2024", new DateOnly(2024, 10, 1))));
        var rescheduledAt = CapturedAt.AddDays(5);
        var autumn = new DueWindow("autumn 2024", DuePrecision.Season, new DateOnly(2024, 9, 1), new DateOnly(2024, 11, 30));

        commitment.Reschedule(autumn, rescheduledAt);

        commitment.DuePhrase.ShouldBe("autumn 2024");
        commitment.DuePrecision.ShouldBe(DuePrecision.Season);
        commitment.DueEarliest.ShouldBe(new DateOnly(2024, 9, 1));
        commitment.DueLatest.ShouldBe(new DateOnly(2024, 11, 30));
        commitment.Due.ShouldBe(autumn);
        commitment.Version.ShouldBe(2);
        commitment.UpdatedAt.ShouldBe(rescheduledAt);
        commitment.IsOverdue(new DateOnly(2024, 11, 30)).ShouldBeFalse();
        commitment.IsOverdue(new DateOnly(2024, 12, 1)).ShouldBeTrue();
    }

    [Fact]
    public void Reschedule_to_no_due_window_clears_the_due_fields()
    {
        var commitment = NewCommitment(terms: Terms(due: DueWindow.OnDay("1 October 2024", new DateOnly(2024, 10, 1))));

        commitment.Reschedule(null, CapturedAt.AddDays(1));

        commitment.Due.ShouldBeNull();
        commitment.DuePhrase.ShouldBeNull();
        commitment.DuePrecision.ShouldBeNull();
        commitment.DueEarliest.ShouldBeNull();
        commitment.DueLatest.ShouldBeNull();
    }

    [Fact]
    public void The_target_comes_with_the_terms_and_a_revision_replaces_or_removes_it()
    {
        var target = new Target("Trade turnover", "usd", TargetDirection.Increase, null, null, null, 1_000_000m);
        var commitment = NewCommitment(terms: Terms() with { Target = target });

        commitment.Target.ShouldBeSameAs(target);

        var revised = new Target("Trade turnover", "USD", TargetDirection.Reach, null, null, null, 2_000_000m);
        commitment.Revise(Terms() with { Target = revised }, CapturedAt.AddDays(1));
        commitment.Target.ShouldBeSameAs(revised);

        commitment.Revise(Terms(), CapturedAt.AddDays(2));
        commitment.Target.ShouldBeNull();
        commitment.Version.ShouldBe(3);
    }

    [Fact]
    public void Assigning_an_owner_revises_the_commitment_once_and_the_same_owner_again_changes_nothing()
    {
        var commitment = NewCommitment();
        commitment.TakeDomainEvents();

        commitment.AssignOwner("  alice  ", CapturedAt.AddDays(1));

        commitment.Owner.ShouldBe("alice");
        commitment.Version.ShouldBe(2);
        commitment.UpdatedAt.ShouldBe(CapturedAt.AddDays(1));
        commitment.TakeDomainEvents().ShouldHaveSingleItem().ShouldBeOfType<CommitmentRevised>().OccurredAt.ShouldBe(CapturedAt.AddDays(1));

        commitment.AssignOwner("alice", CapturedAt.AddDays(2));

        commitment.Version.ShouldBe(2, "the same owner again is no revision");
        commitment.UpdatedAt.ShouldBe(CapturedAt.AddDays(1));
        commitment.TakeDomainEvents().ShouldBeEmpty();

        commitment.AssignOwner(" ", CapturedAt.AddDays(3));

        commitment.Owner.ShouldBeNull();
        commitment.Version.ShouldBe(3);
        commitment.UpdatedAt.ShouldBe(CapturedAt.AddDays(3));
        commitment.TakeDomainEvents().ShouldHaveSingleItem().ShouldBeOfType<CommitmentRevised>();
    }

    [Fact]
    public void Adding_a_tag_revises_the_commitment_once_and_a_tag_it_carries_changes_nothing()
    {
        var commitment = NewCommitment();
        commitment.TakeDomainEvents();
        var before = commitment.Tags.ToList();

        commitment.AddTag(" Finance ", CapturedAt.AddDays(1));

        commitment.Tags.ShouldBe([.. before, "finance"]);
        commitment.Version.ShouldBe(2);
        commitment.UpdatedAt.ShouldBe(CapturedAt.AddDays(1));
        commitment.TakeDomainEvents().ShouldHaveSingleItem().ShouldBeOfType<CommitmentRevised>().OccurredAt.ShouldBe(CapturedAt.AddDays(1));

        commitment.AddTag("FINANCE", CapturedAt.AddDays(2));

        commitment.Tags.ShouldBe([.. before, "finance"]);
        commitment.Version.ShouldBe(2, "a tag the commitment carries is no revision");
        commitment.UpdatedAt.ShouldBe(CapturedAt.AddDays(1));
        commitment.TakeDomainEvents().ShouldBeEmpty();
    }

    [Fact]
    public void An_entry_keeps_its_evidence_files_in_the_order_attached_with_their_facts()
    {
        var commitment = NewCommitment();
        var files = new[]
        {
            new EvidenceFacts("minutes.pdf", "application/pdf", 1200, new string('a', 64)),
            new EvidenceFacts("annex.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 34, new string('b', 64)),
        };

        var entry = commitment.AppendStatus(new StatusAssessment(LifecycleStatus.Confirmed, evidenceFiles: files), Author, CapturedAt.AddDays(1));

        entry.EvidenceFiles.Select(f => (f.CommitmentId, f.StatusEntryId, f.Ordinal, f.FileName, f.ContentType, f.SizeBytes, f.Sha256)).ShouldBe(
        [
            (commitment.Id, entry.Id, 0, "minutes.pdf", "application/pdf", 1200L, new string('a', 64)),
            (commitment.Id, entry.Id, 1, "annex.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 34L, new string('b', 64)),
        ]);
        commitment.StatusLog[0].EvidenceFiles.ShouldBeEmpty();
    }

    private static Meeting NewMeeting() =>
        new("nsk-2023", "Forum of Regions", MeetingDate, "Novosibirsk", MeetingFormat.Bilateral, null, CapturedAt.AddDays(-1));

    private static SourceDocument AddDocument(Meeting meeting) =>
        meeting.AddDocument("Transcript", new Uri("http://kremlin.ru/events/president/news/72483"), "en", DocumentText, CapturedAt.AddDays(-1));

    private static CommitmentTerms Terms(
        DueWindow? due = null,
        IReadOnlyList<(Guid PartyId, ResponsibilityRole Role)>? responsibilities = null,
        IReadOnlyList<string>? tags = null) =>
        new("Open a trade house", null, CommitmentKind.Hub, Modality.Firm, Issuer, due, responsibilities ?? [], tags ?? []);

    private static Commitment NewCommitment(Meeting? meeting = null, CommitmentTerms? terms = null) =>
        new("nsk-2023-001", meeting ?? NewMeeting(), terms ?? Terms(), Author, CapturedAt);
}
