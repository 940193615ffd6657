using CommitmentTracker.Api.OpenApi;
using CommitmentTracker.Api.Infrastructure;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Commands.BulkChangeCommitments;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Commands.UpdateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ExportCommitments;
using CommitmentTracker.Application.Commitments.Queries.GetCommitment;
using CommitmentTracker.Application.Commitments.Queries.GetStatusHistory;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

/// <summary>Query-string filters shared by the list and overdue endpoints.</summary>
public sealed record CommitmentQueryParameters(
    LifecycleStatus[]? Status,
    CommitmentKind[]? Kind,
    string? Party,
    string? Meeting,
    bool? Overdue,
    DateOnly? AsOf,
    DateOnly? DueFrom,
    DateOnly? DueTo,
    string? Q,
    string? Owner,
    string? Sort,
    int? Page,
    int? PageSize,
    string? After)
{
    public CommitmentFilter ToFilter() => new()
    {
        Status = Status,
        Kind = Kind,
        Party = Party,
        Meeting = Meeting,
        Overdue = Overdue,
        AsOf = AsOf,
        DueFrom = DueFrom,
        DueTo = DueTo,
        Q = Q,
        Owner = Owner,
    };
}

public static class CommitmentEndpoints
{
    public static void MapCommitments(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/commitments").WithTags("Commitments");
        group.MapGet("/", ListCommitments).WithName(nameof(ListCommitments))
            .WithSummary("List commitments")
            .WithDescription("Filters: status and kind (repeat the parameter for several), party (issuer or responsible), meeting (id or code), overdue with asOf, dueFrom/dueTo (due window's latest date), q (text in code, title, summary), owner (a user name, or 'me' for the commitments you own). sort: code, title, kind, status, due, meetingDate, updatedAt; prefix '-' for descending. Paged with a total count (exact up to 10,000, else totalIsEstimate=true) and page= for the first 10,000 rows; beyond, and to read on at the cost of a first page, after=<next> (sorts code and due).")
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
        group.MapGet("/{idOrCode}/status", GetStatusAsOf).WithName(nameof(GetStatusAsOf))
            .WithSummary("The status on a given day (asOf, default today)")
            .WithDescription("The entry in effect at the end of the given day (effective dates, not recording times), or Captured before the first entry.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    }

    public static async Task<Ok<PagedResult<CommitmentSummaryDto>>> ListCommitments([AsParameters] CommitmentQueryParameters query, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListCommitmentsQuery(query.ToFilter(), query.Sort, query.Page ?? 1, query.PageSize ?? PagedResult<CommitmentSummaryDto>.DefaultPageSize, query.After), ct));

    public static async Task ExportCommitments([AsParameters] CommitmentQueryParameters query, bool? bom, string[]? columns, ISender sender, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var rows = await sender.Send(new ExportCommitmentsQuery(query.ToFilter(), query.Sort, columns), ct);
        await CsvFile.WriteAsync(
            http.Response,
            $"commitments-{clock.Today():yyyyMMdd}.csv",
            bom == true,
            CommitmentExportRow.Choose(columns),
            rows,
            ct);
    }

    public static async Task ExportCommitmentsXlsx([AsParameters] CommitmentQueryParameters query, string[]? columns, ISender sender, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var rows = await sender.Send(new ExportCommitmentsQuery(query.ToFilter(), query.Sort, columns), ct);
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

    public static async Task<Ok<StatusAsOfDto>> GetStatusAsOf(string idOrCode, DateOnly? asOf, ISender sender, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetStatusAsOfQuery(idOrCode, asOf ?? clock.Today()), ct));

    // The overdue flag is part of the representation and flips with the calendar, not with the version.
    private static string ETagOf(CommitmentDetailDto c) => ETags.For(c.Version, c.IsOverdue ? "o" : "n");
}
