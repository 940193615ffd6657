using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Common.Telemetry;
using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Extraction;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Import.Commands.ImportMeeting;

/// <summary>
/// Creates a meeting from its published record and stores the extractor's proposals for review, all in one
/// transaction (a failed or cancelled import leaves nothing behind, so it can simply be sent again). Plain text is
/// stored unchanged with its SHA-256; an HTML page is stored as its readable text. The language is detected unless
/// given; a record in a language the extractor does not read is refused rather than imported with no proposals.
/// The same text imported twice under another code is refused, naming the meeting that has it. Sent again under the
/// same code it is a retry (the client gave up before the answer came): the import is answered as it stands, and if
/// the meeting has the document but no proposals (an import cut in half before imports were one transaction), the
/// extraction runs again and stores them, so every retry ends with the whole import.
/// </summary>
[Requires(Access.Write)]
public sealed record ImportMeetingCommand : MeetingDraft, ICommand<ImportResult>
{
    /// <summary>The largest record accepted, in characters (about 1 MB of text).</summary>
    public const int MaxTextLength = 1_000_000;

    public string Code { get; init; } = string.Empty;

    public string DocumentTitle { get; init; } = string.Empty;

    public Uri? Url { get; init; }

    /// <summary>"en" or "ru"; empty or "auto" to detect it from the text.</summary>
    public string? Language { get; init; }

    /// <summary>The party whose words the record reports ("we"); by default the first Host participant.</summary>
    public string? Speaker { get; init; }

    /// <summary>The record: plain UTF-8 text, or an HTML page (converted to its readable text).</summary>
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

/// <summary>
/// What was imported: the meeting, its document, the language it was read in and how many proposals await review.
/// Repeated is true when this text had already been imported under this code, so nothing new was created but
/// proposals that were missing.
/// </summary>
public sealed record ImportResult(string MeetingCode, Guid DocumentId, string Sha256, int Candidates, string Language, bool ConvertedFromHtml, bool Repeated = false);

public sealed class ImportMeetingValidator : AbstractValidator<ImportMeetingCommand>
{
    public ImportMeetingValidator(TimeProvider clock)
    {
        Include(new MeetingDraftValidator(clock));
        RuleFor(x => x.Code).NotEmpty().MaximumLength(Meeting.MaxCodeLength)
            .IsCode("NSK-2023");
        RuleFor(x => x.DocumentTitle).MaximumLength(SourceDocument.MaxTitleLength);
        RuleFor(x => x.Language).Must(l => string.IsNullOrWhiteSpace(l) || l.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase) || RecordLanguage.Of(l).IsSupported)
            .WithMessage($"'Language' must be one the extractor reads ({string.Join(", ", RecordLanguage.Supported.Select(l => $"'{l.Code}' {l.Name}"))}), or empty to detect it.");
        RuleFor(x => x.Speaker).MaximumLength(Domain.Parties.Party.MaxKeyLength)
            .Must((command, speaker) => string.IsNullOrWhiteSpace(speaker)
                || (command.Participants ?? []).Any(p => string.Equals(p.Party?.Trim(), speaker.Trim(), StringComparison.OrdinalIgnoreCase)))
            .WithMessage("'Speaker' must be the party key of one of the participants (whose words the record reports).");
        RuleFor(x => x.Url).IsHttpUrl();
        RuleFor(x => x.Text).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("The record's text is empty.")
            .MaximumLength(ImportMeetingCommand.MaxTextLength).WithMessage($"The record is longer than {ImportMeetingCommand.MaxTextLength:N0} characters; split it into several documents.")
            .Must(LooksLikeText).WithMessage("The record does not look like text (it contains binary control characters). Paste or upload plain UTF-8 text.");
    }

    // Text has line breaks and tabs, but no NULs and hardly any other control characters.
    private static bool LooksLikeText(string text) =>
        !text.Contains('\0', StringComparison.Ordinal) && text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) <= text.Length / 1000;
}

public sealed class ImportMeetingHandler(IApplicationDbContext db, ISender sender, AppTelemetry telemetry) : ICommandHandler<ImportMeetingCommand, ImportResult>
{
    public async ValueTask<ImportResult> Handle(ImportMeetingCommand command, CancellationToken cancellationToken)
    {
        var prepared = RecordText.Prepare(command.Text);
        if (string.IsNullOrWhiteSpace(prepared.Text))
        {
            throw Invalid.Field("text", "The page has no readable text once its markup is removed.");
        }

        var language = string.IsNullOrWhiteSpace(command.Language) || command.Language.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase)
            ? LanguageDetector.Detect(prepared.Text)
            : RecordLanguage.Of(command.Language);
        if (!language.IsSupported)
        {
            throw Invalid.Field("text", $"This record looks like {language.Name}; commitments are extracted from English and Russian records. "
                + "If the language was misread, set 'language' to 'en' or 'ru'; otherwise create the meeting and capture its commitments by hand.");
        }

        var sha = SourceDocument.HashOf(prepared.Text);
        var sides = Sides(command);
        if (await RepeatedAsync(command, sha, prepared.WasHtml, sides, cancellationToken) is { } stored)
        {
            return stored;
        }

        // Read first, write after: the extractor needs only the parties, the date and the sides.
        var extracted = await db.ReadAsync(telemetry, prepared.Text, command.Date, language.Code, sides.Speaker, sides.Others, cancellationToken);

        try
        {
            return await CreateAsync(command, language, prepared, extracted, sides.Speaker, cancellationToken);
        }
        catch (Exception refused) when (refused is DuplicateException || (refused is ValidationException v && v.Errors.Any(e => e.PropertyName == "code")))
        {
            // The same record sent twice at once (a client retrying while the first request was still being read): the
            // first one stored it, so this one is answered as the repeat it is. Any other clash stays refused.
            db.DiscardChanges();
            if (await RepeatedAsync(command, sha, prepared.WasHtml, sides, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    private Task<ImportResult> CreateAsync(ImportMeetingCommand command, RecordLanguage language, PreparedText prepared, ExtractionResult extracted, string? speaker, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var created = await sender.Send(
                new CreateMeetingCommand(
                    command.Code,
                    command,
                    new DocumentInput(string.IsNullOrWhiteSpace(command.DocumentTitle) ? command.Title : command.DocumentTitle, command.Url, language.Code, prepared.Text, null)),
                cancellationToken);

            var meeting = await db.Meetings.Include(m => m.Documents).SingleAsync(m => m.Id == created.Id, cancellationToken);
            var document = meeting.Documents.Single();
            var proposed = await db.AddAsync(meeting, document, extracted, speaker, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new ImportResult(meeting.Code, document.Id, document.Sha256, proposed, language.Code, prepared.WasHtml);
        }, cancellationToken);

    /// <summary>
    /// The answer to an import of a text already stored: under this code, the result as it stands (<see cref="CompleteAsync"/>);
    /// under another code, refused naming it; null when the text is not stored yet.
    /// </summary>
    private async Task<ImportResult?> RepeatedAsync(ImportMeetingCommand command, string sha, bool wasHtml, (string? Speaker, IReadOnlyList<string> Others) sides, CancellationToken cancellationToken)
    {
        var already = await db.Documents.Where(d => d.Sha256 == sha)
            .Join(db.Meetings, d => d.MeetingId, m => m.Id, (d, m) => new { DocumentId = d.Id, MeetingId = m.Id, m.Code }).FirstOrDefaultAsync(cancellationToken);
        if (already is null)
        {
            return null;
        }

        return string.Equals(already.Code, command.Code.Trim(), StringComparison.OrdinalIgnoreCase)
            ? await CompleteAsync(already.MeetingId, already.DocumentId, wasHtml, sides, cancellationToken)
            : throw new DuplicateException($"This text was already imported as meeting {already.Code}.");
    }

    /// <summary>
    /// A retry of an import that already happened: the result as it stands, after extracting the proposals again if
    /// the document has none at all (a record the extractor finds nothing in costs one more extraction, nothing else).
    /// </summary>
    private async Task<ImportResult> CompleteAsync(Guid meetingId, Guid documentId, bool wasHtml, (string? Speaker, IReadOnlyList<string> Others) sides, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Documents).SingleAsync(m => m.Id == meetingId, cancellationToken);
        var document = meeting.Documents.Single(d => d.Id == documentId);
        if (!await db.ImportCandidates.AnyAsync(c => c.DocumentId == documentId, cancellationToken))
        {
            var extracted = await db.ReadAsync(telemetry, document.Text, meeting.Date, document.Language, sides.Speaker, sides.Others, cancellationToken);
            await db.InTransactionAsync(async () =>
            {
                await db.AddAsync(meeting, document, extracted, sides.Speaker, cancellationToken);
                return await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }

        var proposals = await db.ImportCandidates.CountAsync(c => c.DocumentId == documentId, cancellationToken);
        return new ImportResult(meeting.Code, document.Id, document.Sha256, proposals, document.Language, wasHtml, Repeated: true);
    }

    /// <summary>The speaker ("we" in the text) and the other sides, from the command's participants.</summary>
    private static (string? Speaker, IReadOnlyList<string> Others) Sides(ImportMeetingCommand command)
    {
        var participants = command.Participants ?? [];
        var speaker = command.Speaker is { Length: > 0 } s
            ? s.Trim().ToUpperInvariant()
            : participants.OrderBy(p => p.Role).Select(p => p.Party.Trim().ToUpperInvariant()).FirstOrDefault();
        var others = participants.Select(p => p.Party.Trim().ToUpperInvariant()).Where(p => p != speaker).Distinct().ToList();
        return (speaker, others);
    }
}
