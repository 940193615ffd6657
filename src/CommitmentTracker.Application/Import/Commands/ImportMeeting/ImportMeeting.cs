using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Domain.Meetings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Import.Commands.ImportMeeting;

/// <summary>
/// Creates a meeting from its published record: the text is stored unchanged with its SHA-256, and the extractor's
/// proposals are stored for review. The same text imported twice is refused, naming the meeting that has it.
/// </summary>
[Requires(Access.Write)]
public sealed record ImportMeetingCommand : MeetingDraft, ICommand<ImportResult>
{
    /// <summary>The largest record accepted, in characters (about 1 MB of text).</summary>
    public const int MaxTextLength = 1_000_000;

    public string Code { get; init; } = string.Empty;

    public string DocumentTitle { get; init; } = string.Empty;

    public Uri? Url { get; init; }

    public string Language { get; init; } = "en";

    public string Text { get; init; } = string.Empty;

    /// <summary>The largest uploaded file accepted, in bytes.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>
    /// An uploaded record's text. Strict UTF-8 (a leading byte-order mark is dropped): a file that is not text is
    /// refused on <paramref name="field"/> rather than imported as mojibake.
    /// </summary>
    public static string DecodeUpload(ReadOnlySpan<byte> bytes, string field)
    {
        CheckUploadSize(bytes.Length, field);
        try
        {
            return new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw Invalid.Field(field, "The file is not UTF-8 text.");
        }
    }

    /// <summary>Refuses a missing, empty or oversized upload before it is read.</summary>
    public static void CheckUploadSize(long length, string field)
    {
        if (length == 0)
        {
            throw Invalid.Field(field, "Attach the record as a UTF-8 text file.");
        }

        if (length > MaxFileBytes)
        {
            throw Invalid.Field(field, $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB.");
        }
    }
}

public sealed record ImportResult(string MeetingCode, Guid DocumentId, string Sha256, int Candidates);

public sealed class ImportMeetingValidator : AbstractValidator<ImportMeetingCommand>
{
    public ImportMeetingValidator()
    {
        Include(new MeetingDraftValidator());
        RuleFor(x => x.Code).NotEmpty().MaximumLength(Meeting.MaxCodeLength)
            .IsCode("NSK-2023");
        RuleFor(x => x.DocumentTitle).MaximumLength(SourceDocument.MaxTitleLength);
        RuleFor(x => x.Language).NotEmpty().MaximumLength(SourceDocument.MaxLanguageLength);
        RuleFor(x => x.Url).IsHttpUrl();
        RuleFor(x => x.Text).NotEmpty().WithMessage("The record's text is empty.")
            .MaximumLength(ImportMeetingCommand.MaxTextLength).WithMessage($"The record is longer than {ImportMeetingCommand.MaxTextLength:N0} characters; split it into several documents.")
            .Must(LooksLikeText).WithMessage("The record does not look like text (it contains binary control characters). Paste or upload plain UTF-8 text.");
    }

    // Text has line breaks and tabs, but no NULs and hardly any other control characters.
    private static bool LooksLikeText(string text) =>
        !text.Contains('\0', StringComparison.Ordinal) && text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) <= text.Length / 1000;
}

public sealed class ImportMeetingHandler(IApplicationDbContext db, ISender sender) : ICommandHandler<ImportMeetingCommand, ImportResult>
{
    public async ValueTask<ImportResult> Handle(ImportMeetingCommand command, CancellationToken cancellationToken)
    {
        var sha = SourceDocument.HashOf(command.Text);
        var already = await db.Documents.Where(d => d.Sha256 == sha)
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => m.Code).FirstOrDefaultAsync(cancellationToken);
        if (already is not null)
        {
            throw new DuplicateException($"This text was already imported as meeting {already}.");
        }

        var created = await sender.Send(
            new CreateMeetingCommand
            {
                Code = command.Code,
                Title = command.Title,
                Date = command.Date,
                Place = command.Place,
                Format = command.Format,
                Summary = command.Summary,
                Participants = command.Participants,
                Document = new DocumentInput(string.IsNullOrWhiteSpace(command.DocumentTitle) ? command.Title : command.DocumentTitle, command.Url, command.Language, command.Text, null),
            },
            cancellationToken);

        var meeting = await db.Meetings.Include(m => m.Documents).Include(m => m.Participants).SingleAsync(m => m.Id == created.Id, cancellationToken);
        var document = meeting.Documents.Single();
        var proposed = await db.ProposeAsync(meeting, document, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(meeting.Code, document.Id, document.Sha256, proposed);
    }
}
