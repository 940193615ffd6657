using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Commands.UpdateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Meetings.Queries.ListMeetings;
using CommitmentTracker.Domain.Meetings;
using Microsoft.Extensions.Time.Testing;

namespace CommitmentTracker.Application.Tests.Validators;

public class MeetingValidatorTests
{
    private readonly CreateMeetingValidator _createValidator = new(TimeProvider.System);
    private readonly UpdateMeetingValidator _updateValidator = new(TimeProvider.System);
    private readonly ListMeetingsValidator _listValidator = new();

    private static readonly DocumentInput ValidDocument =
        new("Transcript", new Uri("http://kremlin.ru/events/president/news/72483"), "ru", "The parties agreed to open a trade house.", null);

    private static readonly CreateMeetingCommand ValidCreate = new()
    {
        Code = "NSK-2023",
        Title = "Forum of Regions of Russia and Belarus",
        Date = new DateOnly(2023, 10, 10),
        Place = "Novosibirsk",
        Format = MeetingFormat.Bilateral,
        Summary = "Plenary session.",
        Participants = [new("RU-NVS", "Andrey Travnikov", "Governor of Novosibirsk Oblast", ParticipantRole.Host), new("BY", null, null, ParticipantRole.Guest)],
        Document = ValidDocument,
    };

    private static readonly Dictionary<string, (CreateMeetingCommand Command, string Property, string Message)> InvalidCreates = new()
    {
        ["empty code"] = (ValidCreate with { Code = "" }, "Code", "'Code'"),
        ["code with spaces"] = (ValidCreate with { Code = "NSK 2023" }, "Code", "'Code' may contain only letters, digits and hyphens"),
        ["code starting with a hyphen"] = (ValidCreate with { Code = "-NSK" }, "Code", "only letters, digits and hyphens"),
        ["code with SQL"] = (ValidCreate with { Code = "NSK'; DROP TABLE Meetings;--" }, "Code", "only letters, digits and hyphens"),
        ["code too long"] = (ValidCreate with { Code = new string('N', 41) }, "Code", "40"),
        ["empty title"] = (ValidCreate with { Title = "" }, "Title", "'Title'"),
        ["title too long"] = (ValidCreate with { Title = new string('t', 301) }, "Title", "300"),
        ["no date"] = (ValidCreate with { Date = default }, "Date", "'Date' is required (yyyy-MM-dd)."),
        ["date with a mistyped year ahead"] = (ValidCreate with { Date = new DateOnly(2205, 10, 10) }, "Date", "'Date' 2205-10-10 is after today"),
        ["date with a mistyped year behind"] = (ValidCreate with { Date = new DateOnly(202, 10, 10) }, "Date", "'Date' 0202-10-10 is before 1900: check the year."),
        ["empty place"] = (ValidCreate with { Place = " " }, "Place", "'Place'"),
        ["place too long"] = (ValidCreate with { Place = new string('p', 201) }, "Place", "200"),
        ["unknown format"] = (ValidCreate with { Format = (MeetingFormat)99 }, "Format", "'Format'"),
        ["summary too long"] = (ValidCreate with { Summary = new string('s', 4001) }, "Summary", "4000"),
        ["participant without party"] = (ValidCreate with { Participants = [new("", null, null, ParticipantRole.Host)] }, "Participants[0].Party", "'Party'"),
        ["participant name too long"] = (ValidCreate with { Participants = [new("BY", new string('n', 201), null, ParticipantRole.Host)] }, "Participants[0].Person", "200"),
        ["participant position too long"] = (ValidCreate with { Participants = [new("BY", null, new string('p', 301), ParticipantRole.Host)] }, "Participants[0].Position", "300"),
        ["participant unknown role"] = (ValidCreate with { Participants = [new("BY", null, null, ParticipantRole.Host), new("RU", null, null, (ParticipantRole)9)] }, "Participants[1].Role", "'Role'"),
        ["document without title"] = (ValidCreate with { Document = ValidDocument with { Title = "" } }, "Document.Title", "'Title'"),
        ["document title too long"] = (ValidCreate with { Document = ValidDocument with { Title = new string('t', 301) } }, "Document.Title", "300"),
        ["document without language"] = (ValidCreate with { Document = ValidDocument with { Language = "" } }, "Document.Language", "'Language'"),
        ["document language too long"] = (ValidCreate with { Document = ValidDocument with { Language = new string('l', 17) } }, "Document.Language", "16"),
        ["document without text"] = (ValidCreate with { Document = ValidDocument with { Text = "" } }, "Document.Text", "'Text'"),
        ["document ftp url"] = (ValidCreate with { Document = ValidDocument with { Url = new Uri("ftp://x") } }, "Document.Url", "'Url' must be an absolute http(s) URL."),
        ["document file url"] = (ValidCreate with { Document = ValidDocument with { Url = new Uri("file:///etc/passwd") } }, "Document.Url", "'Url' must be an absolute http(s) URL."),
        ["document relative url"] = (ValidCreate with { Document = ValidDocument with { Url = new Uri("/events/1", UriKind.Relative) } }, "Document.Url", "'Url' must be an absolute http(s) URL."),
    };

    public static TheoryData<string> InvalidCreateNames => new(InvalidCreates.Keys);

    [Fact]
    public void A_complete_create_is_valid() => _createValidator.Validate(ValidCreate).ShouldBeValid();

    [Fact]
    public void A_create_without_document_or_participants_is_valid() =>
        _createValidator.Validate(ValidCreate with { Document = null, Participants = null, Summary = null }).ShouldBeValid();

    [Fact]
    public void A_document_without_url_or_with_https_url_is_valid()
    {
        _createValidator.Validate(ValidCreate with { Document = ValidDocument with { Url = null } }).ShouldBeValid();
        _createValidator.Validate(ValidCreate with { Document = ValidDocument with { Url = new Uri("https://example.org/record") } }).ShouldBeValid();
    }

    [Theory]
    [InlineData("nsk-2023")]
    [InlineData("NSK2023")]
    [InlineData("K")]
    public void Letters_digits_and_hyphens_make_a_valid_code(string code) =>
        _createValidator.Validate(ValidCreate with { Code = code }).ShouldBeValid();

    [Theory]
    [MemberData(nameof(InvalidCreateNames))]
    public void Each_create_rule_reports_its_property(string caseName)
    {
        var (command, property, message) = InvalidCreates[caseName];

        _createValidator.Validate(command).ShouldHaveErrorOn(property, message);
    }

    [Fact]
    public void A_complete_update_is_valid() =>
        _updateValidator.Validate(new UpdateMeetingCommand("NSK-2023", 2, Draft())).ShouldBeValid();

    /// <summary>A meeting held today east of UTC is already tomorrow there; the day after is a date not yet held.</summary>
    [Fact]
    public void A_meeting_may_be_dated_up_to_tomorrow_in_utc()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.Zero));
        var validator = new CreateMeetingValidator(clock);

        validator.Validate(ValidCreate with { Date = new DateOnly(2026, 12, 8) }).IsValid.ShouldBeTrue();
        validator.Validate(ValidCreate with { Date = new DateOnly(2026, 12, 9) })
            .ShouldHaveErrorOn("Date", "'Date' 2026-12-09 is after today (2026-12-07): a meeting is recorded once it has been held. Check the year.");
    }

    [Fact]
    public void The_update_changes_are_required() =>
        _updateValidator.Validate(new UpdateMeetingCommand("NSK-2023", 2, null!)).ShouldHaveErrorOn("Changes", "'Changes'");

    [Fact]
    public void Update_rules_report_on_the_changes()
    {
        var result = _updateValidator.Validate(new UpdateMeetingCommand("NSK-2023", 2, Draft() with
        {
            Title = "",
            Date = default,
            Participants = [new("", null, null, ParticipantRole.Host)],
        }));

        result.ShouldHaveErrorOn("Changes.Title", "'Title'");
        result.ShouldHaveErrorOn("Changes.Date", "'Date' is required");
        result.ShouldHaveErrorOn("Changes.Participants[0].Party", "'Party'");
    }

    [Fact]
    public void The_draft_validator_reports_on_the_draft_itself() =>
        new MeetingDraftValidator(TimeProvider.System).Validate(Draft() with { Place = "" }).ShouldHaveErrorOn("Place", "'Place'");

    [Fact]
    public void Default_meeting_list_is_valid() => _listValidator.Validate(new ListMeetingsQuery()).ShouldBeValid();

    [Fact]
    public void A_complete_meeting_list_is_valid() =>
        _listValidator.Validate(new ListMeetingsQuery("Novosibirsk", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), 2, 200)).ShouldBeValid();

    [Fact]
    public void To_before_From_is_refused() =>
        _listValidator.Validate(new ListMeetingsQuery(From: new DateOnly(2023, 12, 31), To: new DateOnly(2023, 1, 1)))
            .ShouldHaveErrorOn("To", "'To' must not be before 'From'.");

    [Fact]
    public void An_over_long_search_text_is_refused() =>
        _listValidator.Validate(new ListMeetingsQuery(Q: new string('q', 201))).ShouldHaveErrorOn("Q", "200");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_meeting_page_starts_at_one(int page) =>
        _listValidator.Validate(new ListMeetingsQuery(Page: page)).ShouldHaveErrorOn("Page", "'Page'");

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void The_meeting_page_size_is_between_1_and_200(int pageSize) =>
        _listValidator.Validate(new ListMeetingsQuery(PageSize: pageSize)).ShouldHaveErrorOn("PageSize", "'Page Size'");

    private static MeetingDraft Draft() => new()
    {
        Title = "Forum of Regions of Russia and Belarus",
        Date = new DateOnly(2023, 10, 10),
        Place = "Novosibirsk",
        Format = MeetingFormat.Bilateral,
        Participants = [new("RU-NVS", null, null, ParticipantRole.Host)],
    };
}
