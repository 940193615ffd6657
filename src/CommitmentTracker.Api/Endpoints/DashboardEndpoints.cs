using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetStatusTrend;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Application.Commitments.Queries.ListTargets;
using CommitmentTracker.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

/// <summary>What the dashboard reads: the figures as of a day, their trend, the overdue list and the targets.</summary>
public static class DashboardEndpoints
{
    public static void MapDashboard(this IEndpointRouteBuilder api)
    {
        api.MapGet("/overdue", ListOverdue).WithName(nameof(ListOverdue)).WithTags("Commitments")
            .WithSummary("Overdue commitments as of a day, most overdue first")
            .WithDescription("Overdue: the due window's latest date passed before asOf (default today) and the status on that day was not closed. Narrow with party, kind, meeting or q.")
            .ProducesValidationProblem();
        api.MapGet("/summary", GetSummary).WithName(nameof(GetSummary)).WithTags("Commitments")
            .WithSummary("Counts by status, kind and party; overdue; due within 30 and 90 days")
            .WithDescription("The dashboard figures, from the statuses in effect at the end of asOf (default today): counts by status and kind, overdue, and due within 30 and 90 days.")
            .ProducesValidationProblem();
        api.MapGet("/summary/trend", GetStatusTrend).WithName(nameof(GetStatusTrend)).WithTags("Commitments")
            .WithSummary("Counts by status at each month end, from the status log")
            .WithDescription("months (1–36, default 12) points, one per month end, the last at asOf (default today): the same as-of day /summary takes.")
            .ProducesValidationProblem();
        api.MapGet("/targets", ListTargets).WithName(nameof(ListTargets)).WithTags("Commitments")
            .WithSummary("Quantitative commitments with baseline, goal and latest observation")
            .WithDescription("Trade and other quantitative targets: metric, unit, direction, baseline and goal with the latest recorded observation. limit caps the list (default 10).")
            .ProducesValidationProblem();
    }

    public static async Task<Ok<PagedResult<OverdueItemDto>>> ListOverdue([AsParameters] CommitmentFilterParameters filter, [AsParameters] PageParameters page, string? after, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListOverdueQuery(filter.ToFilter(), page.Page ?? 1, page.PageSize ?? PagedResult<OverdueItemDto>.DefaultPageSize, after), ct));

    public static async Task<Ok<SummaryDto>> GetSummary(DateOnly? asOf, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSummaryQuery(asOf), ct));

    public static async Task<Ok<IReadOnlyList<StatusTrendPoint>>> GetStatusTrend(DateOnly? asOf, int? months, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetStatusTrendQuery(asOf, months ?? 12), ct));

    public static async Task<Ok<IReadOnlyList<TargetSummaryDto>>> ListTargets(int? limit, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListTargetsQuery(limit ?? 10), ct));
}
