using CommitmentTracker.Api.Infrastructure;
using CommitmentTracker.Api.OpenApi;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.BulkChangeCommitments;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Commands.UpdateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ExportCommitments;
using CommitmentTracker.Application.Commitments.Queries.GetCommitment;
using CommitmentTracker.Application.Commitments.Queries.GetEvidenceFile;
using CommitmentTracker.Application.Commitments.Queries.GetStatusHistory;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommitmentTracker.Api.Endpoints;

/// <summary>
/// The query-string filters of a commitments query: the list, its two exports and the overdue list. Paging, sort and
/// the overdue flag are separate parameters, so an operation that does not apply one does not take it, and
/// <see cref="Infrastructure.KnownQueryParameters"/> refuses it instead of ignoring it (decision 0136).
/// </summary>
public sealed record CommitmentFilterParameters(
    LifecycleStatus[]? Status,
    CommitmentKind[]? Kind,
    string? Party,
    string? Meeting,
    DateOnly? AsOf,
    DateOnly? DueFrom,
    DateOnly? DueTo,
    string? Q,
    string? Owner,
    bool? OpenEnded)
{
    public CommitmentFilter ToFilter(bool? overdue = null) => new()
    {
        Status = Status,
        Kind = Kind,
        Party = Party,
        Meeting = Meeting,
        Overdue = overdue,
        AsOf = AsOf,
        DueFrom = DueFrom,
        DueTo = DueTo,
        Q = Q,
        Owner = Owner,
        OpenEnded = OpenEnded,
    };
}

/// <summary>Which page of a list: its number and size (offset paging).</summary>
public sealed record PageParameters(int? Page, int? PageSize);

/// <summary>
/// The fields of a status entry sent as multipart/form-data with its evidence files. [Required] only declares the
/// status so in the OpenAPI document; a missing one is reported by name, like every other error.
/// </summary>
public sealed class StatusEntryUploadForm
{
    [System.ComponentModel.DataAnnotations.Required]
    public LifecycleStatus? Status { get; set; }

    /// <summary>−1 no compliance, 0 partial, +1 full.</summary>
    public int? ComplianceScore { get; set; }

    public Confidence? Confidence { get; set; }

    public string? Rationale { get; set; }

    /// <summary>Absolute http(s) URLs; repeat the field for several.</summary>
    public string[]? EvidenceLinks { get; set; }

    /// <summary>The day the status took effect (yyyy-MM-dd); empty means today.</summary>
    public DateOnly? EffectiveOn { get; set; }
}

public static class CommitmentEndpoints
{
    public static void MapCommitments(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/commitments").WithTags("Commitments");
        group.MapGet("/", ListCommitments).WithName(nameof(ListCommitments))
            .WithSummary("List commitments")
            .WithDescription("Filters: status and kind (repeat the parameter for several), party (issuer or responsible), meeting (id or code), overdue with asOf, dueFrom/dueTo (due window's latest date), openEnded (true: a due phrase with no last day, such as 'in the near future', as the dashboard's open-ended figure counts; false: the others), q (text in code, title, summary), owner (a user name, or 'me' for the commitments you own). sort: code, title, kind, status, due, meetingDate, updatedAt; prefix '-' for descending. Paged with a total count (exact up to 10,000, else totalIsEstimate=true) and page= for the first 10,000 rows; beyond, and to read on at the cost of a first page, after=<next> (sorts code and due).")
            .ProducesValidationProblem();
        group.MapGet("/export.csv", ExportCommitments).WithName(nameof(ExportCommitments))
            .WithSummary("Export any commitments query as CSV (streamed)")
            .WithDescription("Same filters and sort as the list, no paging. columns (repeat the parameter) picks the columns and their order, as a grid shows them; all when omitted. UTF-8; add bom=true for Excel. RFC 4180 quoting; cells that start like a formula are prefixed with an apostrophe.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesValidationProblem();
        group.MapGet("/export.xlsx", ExportCommitmentsXlsx).WithName(nameof(ExportCommitmentsXlsx))
            .WithSummary("Export any commitments query as an XLSX workbook")
            .WithDescription("The same filters, sort and columns as export.csv, the same rows and cells, as one worksheet named Commitments with a frozen header row: days and times are date cells (times in UTC), text is never a formula. Written row by row to a temporary file, then sent with its length. A text longer than Excel's cell limit (32,767 characters) is cut to it.")
            .Produces<Stream>(StatusCodes.Status200OK, XlsxFile.ContentType).ProducesValidationProblem();
        group.MapPost("/", CreateCommitment).WithName(nameof(CreateCommitment)).Sets(ResponseHeader.ETag)
            .WithSummary("Capture a commitment from a meeting")
            .WithDescription("Starts in status Captured. The code is generated from the meeting code when omitted. Every span is checked against the document text.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/bulk", BulkChangeCommitments).WithName(nameof(BulkChangeCommitments))
            .WithSummary("Change many commitments at once: record a status, assign an owner or add a tag")
            .WithDescription($"codes: 1 to {BulkChangeCommitmentsCommand.MaxCodes} commitment codes. action: RecordStatus (with entry, as for status-history), AssignOwner (owner: a user name, empty for nobody) or AddTag (tag). All or nothing, in one transaction: when a rule refuses any row (the lifecycle, the effective day, a tag limit) nothing is saved and the 400 names every refused row under codes[i]. A status that is a manager's decision needs a manager for the whole action (403). Each changed row is audited as its own change.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{idOrCode}", GetCommitment).WithName(nameof(GetCommitment))
            .WithSummary("Get a commitment with its spans, responsibilities, target and latest status")
            .WithDescription("By id or code. Answers 304 to an If-None-Match that matches its ETag; send that ETag as If-Match to update it.")
            .Produces<CommitmentDetailDto>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{idOrCode}", UpdateCommitment).WithName(nameof(UpdateCommitment))
            .WithSummary("Revise a commitment (requires If-Match)")
            .WithDescription("Replaces what the commitment says. Send If-Match with the ETag of your last read: 428 without it, 412 when someone saved first.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        group.MapGet("/{idOrCode}/status-history", GetStatusHistory).WithName(nameof(GetStatusHistory))
            .WithSummary("The commitment's status log, oldest first")
            .WithDescription("Every status entry in the order it was recorded, with its author, the recording time, the day it took effect, confidence, rationale and evidence links. Entries are never edited or removed.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{idOrCode}/status-history", AppendStatusEntry).WithName(nameof(AppendStatusEntry))
            .WithSummary("Append a status change or assessment")
            .WithDescription("Checked against the lifecycle: Captured → Confirmed → InProgress ⇄ Stalled → Fulfilled | PartiallyFulfilled | NotFulfilled | Superseded | Withdrawn. Recording the same status again is an assessment. If-Match is optional.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        var evidence = api.ServiceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value;
        group.MapPost("/{idOrCode}/status-history/with-evidence", AppendStatusEntryWithEvidence).WithName(nameof(AppendStatusEntryWithEvidence))
            .WithSummary("Append a status entry with evidence files (multipart/form-data: the entry's fields plus one or more 'files')")
            .WithDescription($"The same entry as POST …/status-history, with up to {EvidenceFile.MaxPerEntry} files attached. Each file is at most {evidence.MaxFileSizeText} (Evidence:MaxFileBytes) "
                + $"and must be a {EvidenceContent.AcceptedKinds} file: the kind is read from the content, not the name or the declared type, and a refused file is named in errors['evidenceFiles[i]']. "
                + "Each file is stored with its SHA-256, size and the type found; the entry lists them under evidenceFiles. Nothing is stored when any part is refused. Files are never added to an entry later: more evidence is another assessment.")
            .Accepts<StatusEntryUploadForm>("multipart/form-data")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestSizeLimitAttribute(EvidenceFile.MaxPerEntry * evidence.MaxFileBytes + FormFieldsAllowance))
            .DisableAntiforgery();
        group.MapGet("/{idOrCode}/evidence/{fileId:guid}", GetEvidenceFile).WithName(nameof(GetEvidenceFile)).Sets(ResponseHeader.ETag)
            .WithSummary("Download an evidence file attached to one of the commitment's status entries")
            .WithDescription("Served as an attachment with the type found in its content when it was attached (X-Content-Type-Options: nosniff), byte for byte as uploaded: its SHA-256 is the entry's sha256, "
                + "and its ETag. A file never changes, so If-None-Match with that ETag answers 304. A file id that is not one of this commitment's answers 404.")
            .Produces<string>(StatusCodes.Status200OK, "application/octet-stream").Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{idOrCode}/status", GetStatusAsOf).WithName(nameof(GetStatusAsOf))
            .WithSummary("The status on a given day (asOf, default today)")
            .WithDescription("The entry in effect at the end of the given day (effective dates, not recording times), or Captured before the first entry.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    }

    public static async Task<Ok<PagedResult<CommitmentSummaryDto>>> ListCommitments([AsParameters] CommitmentFilterParameters filter, bool? overdue, string? sort, [AsParameters] PageParameters page, string? after, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCommitmentsQuery(filter.ToFilter(overdue), sort, page.Page ?? 1, page.PageSize ?? PagedResult<CommitmentSummaryDto>.DefaultPageSize, after), ct));

    public static async Task ExportCommitments([AsParameters] CommitmentFilterParameters filter, bool? overdue, string? sort, bool? bom, string[]? columns, ISender sender, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var rows = await sender.Send(new ExportCommitmentsQuery(filter.ToFilter(overdue), sort, columns), ct);
        await CsvFile.WriteAsync(
            http.Response,
            $"commitments-{clock.Today():yyyyMMdd}.csv",
            bom == true,
            CommitmentExportRow.Choose(columns),
            rows,
            ct);
    }

    public static async Task ExportCommitmentsXlsx([AsParameters] CommitmentFilterParameters filter, bool? overdue, string? sort, string[]? columns, ISender sender, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var rows = await sender.Send(new ExportCommitmentsQuery(filter.ToFilter(overdue), sort, columns), ct);
        await XlsxFile.WriteAsync(
            http.Response,
            $"commitments-{clock.Today():yyyyMMdd}.xlsx",
            "Commitments",
            CommitmentExportRow.Choose(columns),
            rows,
            ct);
    }

    public static async Task<Ok<BulkChangeResult>> BulkChangeCommitments(BulkChangeCommitmentsCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command, ct));

    public static async Task<CreatedAtRoute<CommitmentDetailDto>> CreateCommitment(CreateCommitmentCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        http.Response.Headers.ETag = ETagOf(created);
        return TypedResults.CreatedAtRoute(created, nameof(GetCommitment), new { idOrCode = created.Code });
    }

    public static async Task<IResult> GetCommitment(string idOrCode, ISender sender, HttpContext http, CancellationToken ct)
    {
        var commitment = await sender.Send(new GetCommitmentQuery(idOrCode), ct);
        return ETags.OkOrNotModified(http, commitment, ETagOf(commitment));
    }

    public static async Task<Ok<CommitmentDetailDto>> UpdateCommitment(string idOrCode, CommitmentDraft changes, ISender sender, HttpContext http, CancellationToken ct)
    {
        var updated = await sender.Send(new UpdateCommitmentCommand(idOrCode, ETags.VersionFrom(http.Request), changes), ct);
        http.Response.Headers.ETag = ETagOf(updated);
        return TypedResults.Ok(updated);
    }

    public static async Task<Ok<IReadOnlyList<StatusEntryDto>>> GetStatusHistory(string idOrCode, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetStatusHistoryQuery(idOrCode), ct));

    public static async Task<CreatedAtRoute<StatusEntryDto>> AppendStatusEntry(string idOrCode, StatusEntryDraft entry, ISender sender, HttpContext http, CancellationToken ct)
    {
        var appended = await sender.Send(new AppendStatusEntryCommand(idOrCode, ETags.VersionFrom(http.Request), entry), ct);
        return TypedResults.CreatedAtRoute(appended, nameof(GetStatusHistory), new { idOrCode });
    }

    // The form's text fields (rationale, links) on top of the files.
    private const long FormFieldsAllowance = 1024 * 1024;

    public static async Task<CreatedAtRoute<StatusEntryDto>> AppendStatusEntryWithEvidence(
        string idOrCode, [FromForm] StatusEntryUploadForm? form, IFormFileCollection? files, ISender sender, HttpContext http, CancellationToken ct)
    {
        // A form with only files binds no form object: the status is then missing, and said so by name.
        form ??= new StatusEntryUploadForm();
        var entry = new StatusEntryDraft
        {
            Status = form.Status ?? throw Invalid.Field("status", "'status' is required."),
            ComplianceScore = form.ComplianceScore,
            Confidence = form.Confidence,
            Rationale = form.Rationale,
            EvidenceLinks = form.EvidenceLinks,
            EffectiveOn = form.EffectiveOn,
        };
        var uploads = (files ?? new FormFileCollection())
            .Select(f => new EvidenceUpload(f.FileName, f.Length, _ => Task.FromResult(f.OpenReadStream())))
            .ToList();
        var appended = await sender.Send(new AppendStatusEntryCommand(idOrCode, ETags.VersionFrom(http.Request), entry, uploads), ct);
        return TypedResults.CreatedAtRoute(appended, nameof(GetStatusHistory), new { idOrCode });
    }

    public static async Task<FileStreamHttpResult> GetEvidenceFile(string idOrCode, Guid fileId, ISender sender, HttpContext http, CancellationToken ct)
    {
        var download = await sender.Send(new GetEvidenceFileQuery(idOrCode, fileId), ct);

        // Never rendered by the browser as a page: an attachment, of the type found in its content, not sniffed again.
        // (The Host's security headers set nosniff on every answer too; this endpoint does not depend on that.)
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(download.Content, download.File.ContentType, download.File.FileName,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{download.File.Sha256}\""));
    }

    public static async Task<Ok<StatusAsOfDto>> GetStatusAsOf(string idOrCode, DateOnly? asOf, ISender sender, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetStatusAsOfQuery(idOrCode, asOf ?? clock.Today()), ct));

    // The overdue flag is part of the representation and flips with the calendar, not with the version.
    private static string ETagOf(CommitmentDetailDto c) => ETags.For(c.Version, c.IsOverdue ? "o" : "n");
}
