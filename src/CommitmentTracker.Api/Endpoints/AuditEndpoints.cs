using CommitmentTracker.Api.Infrastructure;
using CommitmentTracker.Application.Audit.Common;
using CommitmentTracker.Application.Audit.Queries.ExportAuditRecords;
using CommitmentTracker.Application.Audit.Queries.ListAuditRecords;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

/// <summary>Query-string filters of the audit view and its export.</summary>
public sealed record AuditQueryParameters(string? Actor, string? EntityType, string? Entity, DateOnly? From, DateOnly? To)
{
    public AuditFilter ToFilter() => new() { Actor = Actor, EntityType = EntityType, Entity = Entity, From = From, To = To };
}

/// <summary>Read-only by design: the trail is append-only, so there is no PUT, PATCH or DELETE here (a test checks).</summary>
public static class AuditEndpoints
{
    private const string Filters =
        "Filters: actor (actor id, or part of the name), entityType (Commitment, StatusEntry, Meeting, ApiKey, User, UserRole…), entity (id or key such as a commitment code or user name), from/to (UTC days, inclusive).";

    public static void MapAudit(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("/", ListAuditRecords).WithName(nameof(ListAuditRecords))
            .WithSummary("The audit trail, newest first (managers and administrators)")
            .WithDescription(Filters + " Each record lists the changed fields with old and new values. Paged with a total count.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        audit.MapGet("/export.csv", ExportAuditRecords).WithName(nameof(ExportAuditRecords))
            .WithSummary("Export the filtered audit trail as CSV (streamed)")
            .WithDescription(Filters + " No paging. The changes column has one line per field: 'field: old → new'. add bom=true for Excel.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<Ok<PagedResult<AuditRecordDto>>> ListAuditRecords([AsParameters] AuditQueryParameters query, [AsParameters] PageParameters page, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListAuditRecordsQuery(query.ToFilter(), page.Page ?? 1, page.PageSize ?? PagedResult<AuditRecordDto>.DefaultPageSize), ct));

    public static async Task ExportAuditRecords([AsParameters] AuditQueryParameters query, bool? bom, ISender sender, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var rows = await sender.Send(new ExportAuditRecordsQuery(query.ToFilter()), ct);
        await CsvFile.WriteAsync(
            http.Response,
            $"audit-{clock.Today():yyyyMMdd}.csv",
            bom == true,
            AuditExportColumns.All,
            rows,
            ct);
    }

}
