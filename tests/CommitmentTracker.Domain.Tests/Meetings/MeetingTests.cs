using CommitmentTracker.Domain.Meetings;

namespace CommitmentTracker.Domain.Tests.Meetings;

/// <summary>
/// The meeting's own rules. Its constructor sets every field (the date anchors every due phrase), so a constructor
/// that forgot one must fail here, not only in the API tests that happen to read it back.
/// </summary>
public class MeetingTests
{
    private static readonly DateOnly Date = new(2023, 10, 10);
    private static readonly DateTimeOffset CreatedAt = new(2023, 10, 11, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_constructor_sets_every_field_and_starts_at_version_one()
    {
        var meeting = new Meeting("  nsk-2023 ", "  Forum of Regions  ", Date, " Novosibirsk ", MeetingFormat.Visit, "  Tenth forum.  ", CreatedAt);

        meeting.Code.ShouldBe("NSK-2023");
        meeting.Title.ShouldBe("Forum of Regions");
        meeting.Date.ShouldBe(Date);
        meeting.Place.ShouldBe("Novosibirsk");
        meeting.Format.ShouldBe(MeetingFormat.Visit);
        meeting.Summary.ShouldBe("Tenth forum.");
        meeting.CreatedAt.ShouldBe(CreatedAt);
        meeting.UpdatedAt.ShouldBe(CreatedAt);
        meeting.Version.ShouldBe(1);
        meeting.Participants.ShouldBeEmpty();
        meeting.Documents.ShouldBeEmpty();
    }

    [Fact]
    public void A_blank_summary_is_stored_as_none()
    {
        new Meeting("KRD-2023", "Talks", Date, "Krasnodar", MeetingFormat.Talks, "   ", CreatedAt).Summary.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "Talks", "Minsk", "Code", "Code is required.")]
    [InlineData("KRD", " ", "Minsk", "Title", "Title is required.")]
    [InlineData("KRD", "Talks", "", "Place", "Place is required.")]
    public void Code_title_and_place_are_required(string code, string title, string place, string field, string message)
    {
        var ex = Should.Throw<DomainRuleException>(() => new Meeting(code, title, Date, place, MeetingFormat.Talks, null, CreatedAt));

        ex.Field.ShouldBe(field);
        ex.Message.ShouldBe(message);
    }

    [Fact]
    public void Fields_longer_than_their_limits_are_refused_and_the_limits_themselves_are_allowed()
    {
        new Meeting(new string('C', Meeting.MaxCodeLength), new string('t', Meeting.MaxTitleLength), Date, new string('p', Meeting.MaxPlaceLength),
            MeetingFormat.Other, new string('s', Meeting.MaxSummaryLength), CreatedAt).Title.Length.ShouldBe(Meeting.MaxTitleLength);

        Should.Throw<DomainRuleException>(() => new Meeting(new string('C', Meeting.MaxCodeLength + 1), "T", Date, "P", MeetingFormat.Other, null, CreatedAt))
            .Message.ShouldBe($"Code must be at most {Meeting.MaxCodeLength} characters.");
        Should.Throw<DomainRuleException>(() => new Meeting("C", new string('t', Meeting.MaxTitleLength + 1), Date, "P", MeetingFormat.Other, null, CreatedAt))
            .Field.ShouldBe("Title");
        Should.Throw<DomainRuleException>(() => new Meeting("C", "T", Date, new string('p', Meeting.MaxPlaceLength + 1), MeetingFormat.Other, null, CreatedAt))
            .Field.ShouldBe("Place");
        Should.Throw<DomainRuleException>(() => new Meeting("C", "T", Date, "P", MeetingFormat.Other, new string('s', Meeting.MaxSummaryLength + 1), CreatedAt))
            .Field.ShouldBe("Summary");
    }

    [Fact]
    public void Describe_replaces_the_description_and_bumps_the_version()
    {
        var meeting = new Meeting("NSK-2023", "Forum", Date, "Novosibirsk", MeetingFormat.Bilateral, null, CreatedAt);
        var later = CreatedAt.AddDays(1);

        meeting.Describe("Forum of Regions", Date.AddDays(1), "Minsk", MeetingFormat.Conference, "Corrected.", later);

        meeting.Title.ShouldBe("Forum of Regions");
        meeting.Date.ShouldBe(Date.AddDays(1));
        meeting.Place.ShouldBe("Minsk");
        meeting.Format.ShouldBe(MeetingFormat.Conference);
        meeting.Summary.ShouldBe("Corrected.");
        meeting.Version.ShouldBe(2);
        meeting.UpdatedAt.ShouldBe(later);
        meeting.CreatedAt.ShouldBe(CreatedAt);
        meeting.Code.ShouldBe("NSK-2023");
    }

    [Fact]
    public void Participants_are_added_and_replaced_as_a_whole()
    {
        var meeting = new Meeting("NSK-2023", "Forum", Date, "Novosibirsk", MeetingFormat.Bilateral, null, CreatedAt);
        var host = Guid.NewGuid();
        var guest = Guid.NewGuid();
        var person = Guid.NewGuid();

        var added = meeting.AddParticipant(host, person, ParticipantRole.Host, "  Governor  ");

        added.MeetingId.ShouldBe(meeting.Id);
        added.PartyId.ShouldBe(host);
        added.PersonId.ShouldBe(person);
        added.Role.ShouldBe(ParticipantRole.Host);
        added.Position.ShouldBe("Governor");
        meeting.Version.ShouldBe(1, "adding a participant while building the meeting is not a revision");

        meeting.ReplaceParticipants([(guest, null, ParticipantRole.Guest, null)], CreatedAt.AddDays(1));

        meeting.Participants.Select(p => (p.PartyId, p.PersonId, p.Role, p.Position)).ShouldBe([(guest, (Guid?)null, ParticipantRole.Guest, (string?)null)]);
        meeting.Version.ShouldBe(2);
        meeting.UpdatedAt.ShouldBe(CreatedAt.AddDays(1));
    }

    [Fact]
    public void A_position_longer_than_its_limit_is_refused()
    {
        var meeting = new Meeting("NSK-2023", "Forum", Date, "Novosibirsk", MeetingFormat.Bilateral, null, CreatedAt);

        Should.Throw<DomainRuleException>(() => meeting.AddParticipant(Guid.NewGuid(), null, ParticipantRole.Delegate, new string('x', Participant.MaxPositionLength + 1)))
            .Field.ShouldBe("Position");
    }

    [Fact]
    public void A_document_belongs_to_the_meeting()
    {
        var meeting = new Meeting("NSK-2023", "Forum", Date, "Novosibirsk", MeetingFormat.Bilateral, null, CreatedAt);

        var document = meeting.AddDocument("Transcript", null, "en", "The parties agreed.", CreatedAt);

        document.MeetingId.ShouldBe(meeting.Id);
        meeting.Documents.ShouldBe([document]);
    }
}
