using System.Globalization;
using CommitmentTracker.Domain.Calendar;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;

namespace CommitmentTracker.Domain.Tests.Commitments;

/// <summary>
/// Each limit at exactly its value (allowed) and one past it (refused), the messages the API passes on word for word,
/// and the events a revision raises: the cases the mutation run showed no other test pinned down.
/// </summary>
public class RuleBoundaryTests
{
    private static readonly DateOnly MeetingDate = new(2023, 10, 10);
    private static readonly DateTimeOffset At = new(2023, 10, 11, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Issuer = Guid.NewGuid();

    [Fact]
    public void A_revision_raises_one_revised_event_with_its_time()
    {
        var commitment = NewCommitment();
        commitment.TakeDomainEvents();

        commitment.Revise(Terms(), At.AddDays(3));

        commitment.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<CommitmentRevised>().OccurredAt.ShouldBe(At.AddDays(3));
    }

    [Fact]
    public void The_capture_entry_says_where_it_came_from()
    {
        NewCommitment().StatusLog.ShouldHaveSingleItem().Rationale.ShouldBe("Captured from the meeting record.");
    }

    [Fact]
    public void Two_different_spans_of_the_same_document_are_both_cited()
    {
        var meeting = NewMeeting();
        var document = meeting.AddDocument("Transcript", null, "en", "The parties agreed to open a trade house in Minsk.", At);
        var commitment = NewCommitment(meeting);

        commitment.Cite(document, 0, 11, "The parties");
        commitment.Cite(document, 0, 18, "The parties agreed");
        commitment.Cite(document, 4, 11, "parties");

        commitment.Spans.Select(s => (s.Start, s.End)).ShouldBe([(0, 11), (0, 18), (4, 11)]);
    }

    [Fact]
    public void A_tag_of_exactly_forty_characters_is_kept()
    {
        var tag = new string('t', Commitment.MaxTagLength);

        NewCommitment(terms: Terms() with { Tags = [tag] }).Tags.ShouldBe([tag]);
    }

    [Fact]
    public void An_open_due_window_with_a_latest_date_is_refused_saying_why()
    {
        var ex = Should.Throw<DomainRuleException>(() => new DueWindow("soon", DuePrecision.Open, MeetingDate, MeetingDate.AddDays(1)));

        ex.Field.ShouldBe("DueWindow.Latest");
        ex.Message.ShouldBe("An open due window has no latest date.");
    }

    [Fact]
    public void A_due_phrase_of_exactly_the_limit_is_read_and_one_character_more_is_too_long()
    {
        var atLimit = new string('x', DueWindow.MaxPhraseLength);

        DueWindowParser.TryParse(atLimit, MeetingDate, out _, out var unreadable).ShouldBeFalse();
        unreadable!.ShouldNotContain("at most");
        DueWindowParser.TryParse(atLimit + "x", MeetingDate, out _, out var tooLong).ShouldBeFalse();
        tooLong.ShouldBe("A due phrase must be at most 200 characters.");
    }

    [Theory]
    [InlineData("31 December 2024", "2024-12-31", "2024-12-31")]
    [InlineData("2024-2024", "2024-01-01", "2024-12-31")]
    public void The_last_day_of_a_month_and_a_one_year_range_are_valid(string phrase, string earliest, string latest)
    {
        DueWindowParser.TryParse(phrase, MeetingDate, out var window, out var error).ShouldBeTrue(error);

        (window.Earliest, window.Latest).ShouldBe((Day(earliest), Day(latest)));
    }

    [Theory]
    // Said on the first day of autumn, "next autumn" is the following one; said on its last day, "autumn" is this one.
    [InlineData("next autumn", "2023-09-01", "2024-09-01", "2024-11-30")]
    [InlineData("autumn", "2023-11-30", "2023-09-01", "2023-11-30")]
    public void A_season_said_on_its_first_or_last_day(string phrase, string spokenOn, string earliest, string latest)
    {
        DueWindowParser.TryParse(phrase, Day(spokenOn), out var window, out var error).ShouldBeTrue(error);

        (window.Earliest, window.Latest).ShouldBe((Day(earliest), Day(latest)));
    }

    [Fact]
    public void A_past_phrase_says_when_it_ended_and_why_it_cannot_be_a_due_date()
    {
        DueWindowParser.TryParse("spring 2023", MeetingDate, out _, out var error).ShouldBeFalse();

        error.ShouldStartWith("'spring 2023' refers to the past (it ended on 2023-05-31), so it cannot be a due date: a commitment made at the meeting on 2023-10-10 is due on or after that da");
    }

    [Fact]
    public void A_past_phrase_with_no_end_day_says_only_that_it_is_past()
    {
        DueWindowParser.TryParse("last year", MeetingDate, out _, out var error).ShouldBeFalse();

        error.ShouldStartWith("'last year' refers to the past, so it cannot be a due date: ");
    }

    [Fact]
    public void An_audit_record_keeps_what_it_is_given()
    {
        var record = new CommitmentTracker.Domain.Audit.AuditRecord(At, "user-1", "analyst", "Commitment", "id-1", "NSK-2023-001", CommitmentTracker.Domain.Audit.AuditOperation.Updated, "Title: a → b");

        (record.At, record.ActorId, record.ActorName, record.EntityType, record.EntityId, record.EntityKey, record.Operation, record.Changes)
            .ShouldBe((At, "user-1", "analyst", "Commitment", "id-1", (string?)"NSK-2023-001", CommitmentTracker.Domain.Audit.AuditOperation.Updated, "Title: a → b"));
    }

    [Fact]
    public void A_missing_alias_is_dropped_like_a_blank_one()
    {
        new CommitmentTracker.Domain.Parties.Party("BY", "Belarus", CommitmentTracker.Domain.Parties.PartyKind.State, aliases: [null!, "Беларусь"]).Aliases.ShouldBe(["Беларусь"]);
    }

    [Fact]
    public void An_evidence_link_of_exactly_the_limit_is_accepted()
    {
        var prefix = "https://example.org/";
        var link = prefix + new string('a', StatusEntry.MaxEvidenceLinkLength - prefix.Length);

        new StatusAssessment(LifecycleStatus.InProgress, evidenceLinks: [link]).EvidenceLinks.ShouldBe([link]);
        Should.Throw<DomainRuleException>(() => new StatusAssessment(LifecycleStatus.InProgress, evidenceLinks: [link + "a"])).Field.ShouldBe("EvidenceLinks");
    }

    [Fact]
    public void A_document_text_and_url_at_their_limits_are_kept_and_one_more_is_refused_saying_the_limit()
    {
        var meeting = Guid.NewGuid();
        var text = new string('t', SourceDocument.MaxTextLength);
        var url = new Uri("https://example.org/" + new string('u', SourceDocument.MaxUrlLength - "https://example.org/".Length));

        new SourceDocument(meeting, "T", url, "en", text, At).Text.Length.ShouldBe(SourceDocument.MaxTextLength);

        Should.Throw<DomainRuleException>(() => new SourceDocument(meeting, "T", null, "en", text + "t", At))
            .Message.ShouldBe($"The document text must be at most {SourceDocument.MaxTextLength.ToString("N0", CultureInfo.CurrentCulture)} characters.");
        Should.Throw<DomainRuleException>(() => new SourceDocument(meeting, "T", new Uri(url + "u"), "en", "text", At))
            .Message.ShouldBe("The URL must be at most 1000 characters.");
    }

    [Fact]
    public void A_mismatch_quotes_a_passage_of_exactly_120_characters_whole()
    {
        var passage = new string('p', 120);
        var meeting = NewMeeting();
        var document = meeting.AddDocument("Transcript", null, "en", passage + " and more.", At);
        var commitment = NewCommitment(meeting);

        var ex = Should.Throw<DomainRuleException>(() => commitment.Cite(document, 0, 120, "something else"));

        ex.Message.ShouldBe($"The quoted text does not match the document at 0–120: the document reads “{passage}”.");
    }

    [Fact]
    public void A_revoked_calendar_feed_cannot_get_a_new_address()
    {
        var (feed, _) = CalendarFeed.Create("Overdue items", "overdue=true", "analyst", At);
        feed.Revoke(At.AddDays(1));

        var ex = Should.Throw<DomainRuleException>(() => feed.RotateToken(At.AddDays(2)));

        ex.Field.ShouldBe("RevokedAt");
        ex.Message.ShouldBe("A revoked feed cannot get a new address; create a new feed instead.");
    }

    [Fact]
    public void The_plain_exception_constructors_name_no_field()
    {
        var plain = new DomainRuleException();
        var message = new DomainRuleException("Something is wrong.");
        var inner = new InvalidOperationException("inner");
        var wrapped = new DomainRuleException("Wrapped.", inner);

        (plain.Field, plain.Message).ShouldBe((string.Empty, "A business rule was broken."));
        (message.Field, message.Message).ShouldBe((string.Empty, "Something is wrong."));
        (wrapped.Field, wrapped.Message, wrapped.InnerException).ShouldBe((string.Empty, "Wrapped.", (Exception?)inner));
    }

    private static Meeting NewMeeting() =>
        new("nsk-2023", "Forum of Regions", MeetingDate, "Novosibirsk", MeetingFormat.Bilateral, null, At.AddDays(-1));

    private static CommitmentTerms Terms() =>
        new("Open a trade house", null, CommitmentKind.Hub, Modality.Firm, Issuer, null, [], []);

    private static Commitment NewCommitment(Meeting? meeting = null, CommitmentTerms? terms = null) =>
        new("nsk-2023-001", meeting ?? NewMeeting(), terms ?? Terms(), "analyst", At);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
