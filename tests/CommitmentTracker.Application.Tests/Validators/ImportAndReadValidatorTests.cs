using System.Text;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ExportCommitments;
using CommitmentTracker.Application.Commitments.Queries.GetEvidenceFile;
using CommitmentTracker.Application.Commitments.Queries.GetStatusTrend;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Application.Commitments.Queries.ListTargets;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using FluentValidation;

namespace CommitmentTracker.Application.Tests.Validators;

/// <summary>The import request's own rules and upload reading, and the rules of the read queries in Commitments.</summary>
public sealed class ImportAndReadValidatorTests
{
    private readonly ImportMeetingValidator _import = new(TimeProvider.System);

    private static ImportMeetingCommand Valid(string text = "The President instructed the government to prepare a joint programme.", string? speaker = null, string? language = null) => new()
    {
        Code = "MSK-2024",
        Title = "Talks in Minsk",
        Date = new DateOnly(2024, 3, 1),
        Place = "Minsk",
        Participants = [new ParticipantInput("BY", null, null, ParticipantRole.Host), new ParticipantInput("RU", null, null, ParticipantRole.Guest)],
        Speaker = speaker,
        Language = language,
        Text = text,
    };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auto")]
    [InlineData(" AUTO ")]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("Russian")]
    public void Languages_the_extractor_reads_or_detection_are_accepted(string? language) =>
        _import.Validate(Valid(language: language)).ShouldBeValid();

    [Theory]
    [InlineData("be")]
    [InlineData("de")]
    public void Other_languages_are_refused_naming_the_ones_read(string language) =>
        _import.Validate(Valid(language: language)).ShouldHaveErrorOn("Language", "'Language' must be one the extractor reads ('en' English, 'ru' Russian), or empty to detect it.");

    [Theory]
    [InlineData("by")]
    [InlineData(" RU ")]
    [InlineData(null)]
    [InlineData(" ")]
    public void The_speaker_is_one_of_the_participants_in_any_case(string? speaker) =>
        _import.Validate(Valid(speaker: speaker)).ShouldBeValid();

    [Fact]
    public void A_speaker_who_is_not_a_participant_is_refused()
    {
        _import.Validate(Valid(speaker: "KZ")).ShouldHaveErrorOn("Speaker", "'Speaker' must be the party key of one of the participants (whose words the record reports).");
        _import.Validate(Valid(speaker: "BY") with { Participants = null }).ShouldHaveErrorOn("Speaker", "must be the party key");
    }

    [Fact]
    public void An_import_that_leaves_out_the_code_and_the_text_is_refused_on_each()
    {
        // A JSON body without these fields: each takes its default, which must be one the rules refuse.
        var sent = Valid();
        var result = _import.Validate(new ImportMeetingCommand { Title = sent.Title, Date = sent.Date, Place = sent.Place, Participants = sent.Participants });

        result.ShouldHaveErrorOn("Code", "'Code' must not be empty.");
        result.ShouldHaveErrorOn("Text", "The record's text is empty.");
    }

    [Fact]
    public void An_evidence_file_is_asked_for_by_its_commitment_and_its_id()
    {
        var validator = new GetEvidenceFileValidator();

        validator.Validate(new GetEvidenceFileQuery("NSK-2023-001", Guid.NewGuid())).ShouldBeValid();
        validator.Validate(new GetEvidenceFileQuery("", Guid.NewGuid())).ShouldHaveErrorOn("IdOrCode", "'Id Or Code' must not be empty.");
        validator.Validate(new GetEvidenceFileQuery("NSK-2023-001", Guid.Empty)).ShouldHaveErrorOn("FileId", "'fileId' must be the id of an evidence file.");
    }

    [Fact]
    public void The_text_must_be_there_fit_and_look_like_text()
    {
        _import.Validate(Valid(text: "")).ShouldHaveErrorOn("Text", "The record's text is empty.");
        _import.Validate(Valid(text: new string('a', ImportMeetingCommand.MaxTextLength + 1)))
            .ShouldHaveErrorOn("Text", "The record is longer than 1,000,000 characters; split it into several documents.");
        _import.Validate(Valid(text: new string('a', ImportMeetingCommand.MaxTextLength))).ShouldNotHaveErrorOnText();
        _import.Validate(Valid(text: "A record\0 with a NUL")).ShouldHaveErrorOn("Text", "The record does not look like text");
    }

    [Fact]
    public void One_control_character_in_a_thousand_is_tolerated_and_more_is_not()
    {
        // Line breaks and tabs are text; other control characters are allowed up to one per thousand characters.
        var body = new string('a', 1998) + "\r\n\t";
        _import.Validate(Valid(text: body + "\u0001\u0002")).ShouldNotHaveErrorOnText();
        _import.Validate(Valid(text: body + "\u0001\u0002\u0003")).ShouldHaveErrorOn("Text", "The record does not look like text");
    }

    [Fact]
    public void The_code_must_be_a_code()
    {
        _import.Validate(Valid() with { Code = "MSK 2024" }).ShouldHaveErrorOn("Code", "may contain only letters, digits and hyphens, e.g. NSK-2023.");
        _import.Validate(Valid() with { Url = new Uri("ftp://example.org/record") }).ShouldHaveErrorOn("Url", "must be an absolute http(s) URL.");
    }

    [Fact]
    public void The_meeting_and_its_document_are_checked_as_a_meeting_and_a_document_are()
    {
        _import.Validate(Valid() with { Place = "" }).ShouldHaveErrorOn("Place", "'Place'");
        _import.Validate(Valid() with { DocumentTitle = new string('d', 301) }).ShouldHaveErrorOn("DocumentTitle", "300");
        _import.Validate(Valid() with { DocumentTitle = new string('d', 300) }).ShouldBeValid();
    }

    [Fact]
    public void An_upload_is_read_as_strict_utf8_without_its_byte_order_mark()
    {
        var text = "Минск, 1 марта 2024 года.";
        ImportMeetingCommand.DecodeUpload([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], "file").ShouldBe(text);
        ImportMeetingCommand.DecodeUpload(Encoding.UTF8.GetBytes(text), "file").ShouldBe(text);

        var notText = Should.Throw<ValidationException>(() => ImportMeetingCommand.DecodeUpload([0x4D, 0xC3, 0x28, 0xFF], "file"));
        var failure = notText.Errors.ShouldHaveSingleItem();
        (failure.PropertyName, failure.ErrorMessage).ShouldBe(("file", "The file is not UTF-8 text."));
    }

    [Fact]
    public void An_empty_or_oversized_upload_is_refused_before_it_is_read()
    {
        Should.Throw<ValidationException>(() => ImportMeetingCommand.DecodeUpload([], "upload")).Errors.ShouldHaveSingleItem().ErrorMessage
            .ShouldBe("Attach the record as a UTF-8 text file.");
        var big = Should.Throw<ValidationException>(() => ImportMeetingCommand.CheckUploadSize(ImportMeetingCommand.MaxFileBytes + 1, "upload")).Errors.ShouldHaveSingleItem();
        (big.PropertyName, big.ErrorMessage).ShouldBe(("upload", "The file is larger than 4 MB."));
        Should.NotThrow(() => ImportMeetingCommand.CheckUploadSize(ImportMeetingCommand.MaxFileBytes, "upload"));
        Should.NotThrow(() => ImportMeetingCommand.CheckUploadSize(1, "upload"));
    }

    [Theory]
    [InlineData(LifecycleStatus.Captured, Access.Write)]
    [InlineData(LifecycleStatus.InProgress, Access.Write)]
    [InlineData(LifecycleStatus.Stalled, Access.Write)]
    [InlineData(LifecycleStatus.Fulfilled, Access.Decide)]
    [InlineData(LifecycleStatus.Withdrawn, Access.Decide)]
    [InlineData(LifecycleStatus.Superseded, Access.Decide)]
    public void Closing_or_dropping_needs_a_manager_and_everything_else_an_analyst(LifecycleStatus status, Access access)
    {
        AppendStatusEntryCommand.AccessFor(status).ShouldBe(access);
        new AppendStatusEntryCommand("NSK-2023-001", null, new StatusEntryDraft { Status = status }).RequiredAccess.ShouldBe(access);
    }

    [Fact]
    public void An_append_without_an_entry_asks_for_write_access_and_fails_validation()
    {
        var command = new AppendStatusEntryCommand("NSK-2023-001", null, null!);
        command.RequiredAccess.ShouldBe(Access.Write);
        new AppendStatusEntryValidator().Validate(command).ShouldHaveErrorOn("Entry", "must not be empty");
    }

    [Fact]
    public void The_export_chooses_columns_by_name_in_the_order_asked_without_repeats()
    {
        CommitmentExportRow.Choose(null).ShouldBe(CommitmentExportRow.Columns);
        CommitmentExportRow.Choose([]).ShouldBe(CommitmentExportRow.Columns);
        CommitmentExportRow.Choose(["Title", " code ", "title"]).Select(c => c.Header).ShouldBe(["title", "code"]);
        CommitmentExportRow.Columns.Select(c => c.Header).ShouldBe([
            "code", "title", "kind", "modality", "status", "meeting", "meetingDate", "issuer", "lead", "duePhrase", "dueEarliest", "dueLatest", "quote", "summary", "updatedAt", "owner",
        ]);
        CommitmentExportRow.IsColumn(" QUOTE ").ShouldBeTrue();
        CommitmentExportRow.IsColumn("secret").ShouldBeFalse();
    }

    [Fact]
    public void The_export_refuses_unknown_sorts_and_columns_naming_the_known_ones()
    {
        var validator = new ExportCommitmentsValidator();
        validator.Validate(new ExportCommitmentsQuery(new CommitmentFilter(), "-due", ["code", "title"])).ShouldBeValid();
        validator.Validate(new ExportCommitmentsQuery(new CommitmentFilter(), "colour")).ShouldHaveErrorOn("Sort", "'Sort' must be one of: code, title, kind, status, due, meetingDate, updatedAt (prefix '-' for descending).");
        validator.Validate(new ExportCommitmentsQuery(new CommitmentFilter(), null, ["code", "secret"]))
            .ShouldHaveErrorOn("Columns[1]", "'secret' is not a column of the export; the columns are: code, title, kind,");
        validator.Validate(new ExportCommitmentsQuery(new CommitmentFilter { DueFrom = new DateOnly(2024, 2, 1), DueTo = new DateOnly(2024, 1, 1) }))
            .ShouldHaveErrorOn("Filter.DueTo", "'Due To' must not be before 'Due From'.");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(36, true)]
    [InlineData(37, false)]
    public void The_trend_spans_one_to_thirty_six_months(int months, bool valid)
    {
        var result = new GetStatusTrendValidator().Validate(new GetStatusTrendQuery(null, months));
        result.IsValid.ShouldBe(valid);
    }

    [Theory]
    [InlineData("1899-12-31", false)]
    [InlineData("1900-01-01", true)]
    [InlineData("2999-12-31", true)]
    [InlineData("3000-01-01", false)]
    public void The_trend_day_is_a_ledger_day(string day, bool valid) =>
        new GetStatusTrendValidator().Validate(new GetStatusTrendQuery(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))).IsValid.ShouldBe(valid);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void The_targets_list_takes_one_to_a_hundred(int limit, bool valid) =>
        new ListTargetsValidator().Validate(new ListTargetsQuery(limit)).IsValid.ShouldBe(valid);

    [Fact]
    public void The_overdue_review_refuses_a_page_together_with_a_cursor_and_pages_past_the_offset_bound()
    {
        var validator = new ListOverdueValidator();
        validator.Validate(new ListOverdueQuery(new CommitmentFilter(), 1, 25, "NSK-2023-001")).ShouldBeValid();
        validator.Validate(new ListOverdueQuery(new CommitmentFilter(), 2, 25, "NSK-2023-001"))
            .ShouldHaveErrorOn("Page", "'Page' and 'after' do not go together: 'after' already says where the page starts.");
        validator.Validate(new ListOverdueQuery(new CommitmentFilter(), 401, 25)).ShouldHaveErrorOn("Page", "reaches past the first 10,000 rows");
        validator.Validate(new ListOverdueQuery(new CommitmentFilter(), 400, 25)).ShouldBeValid();
        validator.Validate(new ListOverdueQuery(new CommitmentFilter(), 1, 201)).ShouldHaveErrorOn("PageSize", "must be between 1 and 200");
    }
}

internal static class ImportValidationAssertions
{
    public static void ShouldNotHaveErrorOnText(this FluentValidation.Results.ValidationResult result) => result.ShouldHaveNoErrorOn("Text");
}
