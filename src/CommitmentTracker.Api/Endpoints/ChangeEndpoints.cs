using CommitmentTracker.Api.OpenApi;
using CommitmentTracker.Application.Changes.Queries.GetChangeHead;
using CommitmentTracker.Application.Changes.Queries.ListChanges;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

public static class ChangeEndpoints
{
    public static void MapChanges(this IEndpointRouteBuilder api)
    {
        api.MapGet("/changes", ListChanges).WithName(nameof(ListChanges)).Sets(ResponseHeader.Link).WithTags("Changes")
            .WithSummary("Changes to commitments, meetings, status entries and evidence files since a cursor, in commit order")
            .WithDescription("Poll with the 'next' cursor of the previous answer (none: from the beginning). Each change is returned exactly once and in the order "
                + "its transaction committed, also under concurrent writers. 'href' (relative to /api/v1/) gives the current state. limit: 1–1000, default 100.")
            .ProducesValidationProblem();
        api.MapGet("/changes/head", GetChangeHead).WithName(nameof(GetChangeHead)).WithTags("Changes")
            .WithSummary("The feed's head: the cursor of the last committed change")
            .WithDescription("The cheap question 'has anything changed since?': one indexed read, whatever the size of the ledger. When it differs from the cursor you hold, "
                + "read /changes?after=<your cursor> (or reload what you show); when it equals it, nothing has committed since. The web app's dashboard and overdue review ask it every few seconds.");
    }

    public static async Task<Ok<ChangeHead>> GetChangeHead(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetChangeHeadQuery(), ct));

    public static async Task<Ok<ChangePage>> ListChanges(string? after, int? limit, ISender sender, HttpContext http, CancellationToken ct)
    {
        var page = await sender.Send(new ListChangesQuery(after, limit ?? ListChangesQuery.DefaultLimit), ct);

        // RFC 8288: a client can follow the feed without knowing how the cursor travels.
        http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}?after={page.Next}&limit={limit ?? ListChangesQuery.DefaultLimit}>; rel=\"next\"";
        return TypedResults.Ok(page);
    }
}
