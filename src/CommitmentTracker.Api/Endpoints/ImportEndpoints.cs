using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Import;
using CommitmentTracker.Application.Import.Commands.DecideCandidate;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Import.Commands.ProposePassage;
using CommitmentTracker.Application.Import.Queries.ListCandidates;
using CommitmentTracker.Application.Import.Queries.ListSuggestedPassages;
using CommitmentTracker.Application.Meetings.Commands;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Meetings;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

/// <summary>
/// The form fields that come with an uploaded record. [Required] only declares them so in the OpenAPI document (minimal
/// APIs do not enforce it); a missing one is reported by the validator, by name, like every other error.
/// </summary>
public sealed class ImportFileForm
{
    [Required]
    public string? Code { get; set; }

    [Required]
    public string? Title { get; set; }

    [Required]
    public DateOnly? Date { get; set; }

    [Required]
    public string? Place { get; set; }

    public MeetingFormat? Format { get; set; }

    public string? Url { get; set; }

    /// <summary>"en" or "ru"; empty to detect it from the text.</summary>
    public string? Language { get; set; }

    /// <summary>The party key of the side whose words the record reports (a Host participant), e.g. BY.</summary>
    public string? Host { get; set; }

    /// <summary>The other sides' party keys, comma-separated (Guest participants), e.g. RU-NVS.</summary>
    public string? Guests { get; set; }
}

public static class ImportEndpoints
{
    public static void MapImports(this IEndpointRouteBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Import");
        imports.MapPost("/", ImportMeeting).WithName(nameof(ImportMeeting))
            .WithSummary("Create a meeting from its published record and propose its commitments")
            .WithDescription("Plain text is stored unchanged with its SHA-256; an HTML page is stored as its readable text. The language is detected unless given ('en' or 'ru'); "
                + "a record in another language is refused (400). The participants say whose words the record reports (the first Host, or 'speaker'). "
                + "Meeting, document and proposals are written in one transaction, so a failed or abandoned import can be sent again: the same code and text again answers 200 with the import as it stands (repeated: true), extracting the proposals again if they are missing. The same text under another code is refused (409). At most 1,000,000 characters; empty or binary text is refused.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        imports.MapPost("/file", ImportMeetingFile).WithName(nameof(ImportMeetingFile))
            .WithSummary("The same, from an uploaded UTF-8 text or HTML file (multipart/form-data: file plus the meeting fields; host and guests are party keys)")
            .WithDescription("Same result as POST /imports: the meeting, its stored document and the proposals. HTML is reduced to its readable text. Re-sending a text already imported is refused (409) rather than imported twice.")
            .Accepts<ImportFileForm>("multipart/form-data")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .DisableAntiforgery();

        api.MapGet("/meetings/{idOrCode}/candidates", ListCandidates).WithName(nameof(ListCandidates)).WithTags("Import")
            .WithSummary("The commitments proposed for a meeting's record, with the cue that fired and each decision")
            .WithDescription("Each proposal shows the passage or passages it was read from, the rule and language that proposed it, the fields it filled and what is still missing, and whether an analyst accepted or rejected it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/meetings/{idOrCode}/candidates", ProposePassage).WithName(nameof(ProposePassage)).WithTags("Import")
            .WithSummary("Propose a passage of the meeting's record the extractor missed: it is read as a proposal and added to the review")
            .WithDescription("The body names the record (documentId) and the chosen words' character offsets (start, end; white space at either end is left out). "
                + "The extractor reads those words as it reads its own proposals (kind, modality, issuer, lead and counterparts, due phrase, sums, title; its cue says 'chosen by the analyst' and the rule that read them, if one did), "
                + "and the proposal is answered (201) and listed with the others, to accept, edit or reject. At most 4,000 characters. "
                + "Offsets outside the record, a record of another meeting or in a language the extractor does not read are refused (400, naming the field); words that are already a proposal are refused (409).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/meetings/{idOrCode}/suggested-passages", ListSuggestedPassages).WithName(nameof(ListSuggestedPassages)).WithTags("Import")
            .WithSummary("Sentences of the meeting's records worth a look beside the proposals: what the extractor may have missed")
            .WithDescription($"Each is a sentence no proposal cites that the sentence model scores close to a commitment (from {ListSuggestedPassagesQuery.ScoreFrom.ToString(CultureInfo.InvariantCulture)}; a proposal needs 0.5 in English and a rule in Russian), "
                + "in text order, with the model's score and strongest signals. They are not proposals: to review one, propose its offsets with POST /meetings/{idOrCode}/candidates. "
                + "A sentence leaves the list once a proposal cites it. "
                + $"A record over {ListSuggestedPassagesQuery.MaxRecordLength.ToString("N0", CultureInfo.InvariantCulture)} characters is not read for them (reading takes about 4 s per 100,000 characters); its id is listed in recordsNotRead.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var candidates = api.MapGroup("/candidates").WithTags("Import");
        candidates.MapPost("/{id:guid}/accept", AcceptCandidate).WithName(nameof(AcceptCandidate))
            .WithSummary("Accept a proposal, as it stands or with the analyst's edits: it becomes a Captured commitment citing the passage")
            .WithDescription("With no body, the proposal is accepted as it stands: its title, kind, modality, issuer, lead and counterparts, due phrase and suggested target, as the review card's Accept does; "
                + "a proposal that lacks what only an analyst can say (its speaker, or a title cut short) is refused with the field and the words the card uses. "
                + "With a body (a CommitmentDraft), the edits replace what extraction proposed; its spans are ignored, the passages are the proposal's. The new commitment is answered with its Location and ETag. "
                + "A proposal already accepted, rejected or merged (by anyone) is refused with 409 and nothing changes.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // No body means "as it stands" (the parameter allows an empty body): say so to client generators.
                if (operation.RequestBody is Microsoft.OpenApi.OpenApiRequestBody body)
                {
                    body.Required = false;
                }

                return Task.CompletedTask;
            })
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        candidates.MapPost("/{id:guid}/reject", RejectCandidate).WithName(nameof(RejectCandidate))
            .WithSummary("Reject a proposal; it is not proposed again for that document")
            .WithDescription("Rejected proposals stay listed, marked rejected, so the review shows what was decided. A proposal already decided is refused with 409.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        candidates.MapPost("/{id:guid}/merge", MergeCandidate).WithName(nameof(MergeCandidate))
            .WithSummary("Merge a proposal into another of the same record that it restates: the other cites both passages")
            .WithDescription("For a record that says one undertaking twice (a news lead's paraphrase, then the direct quote) and got two proposals. "
                + "The proposal named by 'into' then cites this one's passages after its own, and is answered; this one is closed as rejected and listed with 'mergedInto'. "
                + "Both must be open proposals of the same record; otherwise nothing changes: 409 when this one was already decided, 400 naming the field when the other is closed or of another record.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    // A retry of an import that already happened is answered 200 with the import as it stands (Repeated: true).
    public static async Task<Results<CreatedAtRoute<ImportResult>, Ok<ImportResult>>> ImportMeeting(ImportMeetingCommand command, ISender sender, CancellationToken ct)
    {
        var result = await sender.Send(command, ct);
        return result.Repeated ? TypedResults.Ok(result) : TypedResults.CreatedAtRoute(result, nameof(MeetingEndpoints.GetMeeting), new { idOrCode = result.MeetingCode });
    }

    public static async Task<Results<CreatedAtRoute<ImportResult>, Ok<ImportResult>>> ImportMeetingFile([FromForm] ImportFileForm? form, IFormFile? file, ISender sender, CancellationToken ct)
    {
        // A form with no field but the file binds no form object at all: treat it as empty, so the validator names
        // every missing field instead of the request failing.
        form ??= new ImportFileForm();
        var command = new ImportMeetingCommand
        {
            Code = form.Code ?? string.Empty,
            Title = form.Title ?? string.Empty,
            Date = form.Date ?? default,
            Place = form.Place ?? string.Empty,
            Format = form.Format ?? MeetingFormat.Bilateral,
            Url = Uri.TryCreate(form.Url, UriKind.Absolute, out var url) ? url : null,
            Language = form.Language,
            Participants = ParticipantsOf(form),
            DocumentTitle = file?.FileName ?? string.Empty,
            Text = await ReadTextAsync(file, ct),
        };
        return await ImportMeeting(command, sender, ct);
    }

    public static async Task<Ok<IReadOnlyList<CandidateDto>>> ListCandidates(string idOrCode, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCandidatesQuery(idOrCode), ct));

    public static async Task<Ok<SuggestedPassages>> ListSuggestedPassages(string idOrCode, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListSuggestedPassagesQuery(idOrCode), ct));

    public static async Task<CreatedAtRoute<CandidateDto>> ProposePassage(string idOrCode, PassageChoice choice, ISender sender, CancellationToken ct)
    {
        var proposed = await sender.Send(new ProposePassageCommand(idOrCode, choice.DocumentId, choice.Start, choice.End), ct);
        return TypedResults.CreatedAtRoute(proposed, nameof(ListCandidates), new { idOrCode });
    }

    // The body is optional (no body: as it stands), but declared as the draft itself so the document names the
    // CommitmentDraft schema, which generated clients are built around, rather than a nullable wrapper of it.
    public static async Task<CreatedAtRoute<CommitmentDetailDto>> AcceptCandidate(Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] CommitmentDraft changes, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new AcceptCandidateCommand(id, changes), ct);
        return TypedResults.CreatedAtRoute(created, nameof(CommitmentEndpoints.GetCommitment), new { idOrCode = created.Code });
    }

    public static async Task<Ok<CandidateDto>> RejectCandidate(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RejectCandidateCommand(id), ct));

    public static async Task<Ok<CandidateDto>> MergeCandidate(Guid id, CandidateMerge merge, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new MergeCandidateCommand(id, merge.Into), ct));

    private static List<ParticipantInput> ParticipantsOf(ImportFileForm form) =>
    [
        .. string.IsNullOrWhiteSpace(form.Host) ? [] : new[] { new ParticipantInput(form.Host.Trim(), null, null, ParticipantRole.Host) },
        .. (form.Guests ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(g => new ParticipantInput(g, null, null, ParticipantRole.Guest)),
    ];

    private static async Task<string> ReadTextAsync(IFormFile? file, CancellationToken ct)
    {
        ImportMeetingCommand.CheckUploadSize(file?.Length ?? 0, "file");
        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        return ImportMeetingCommand.DecodeUpload(buffer.ToArray(), "file");
    }
}
