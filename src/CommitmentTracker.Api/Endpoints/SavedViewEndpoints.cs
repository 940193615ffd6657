using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.SavedViews.Commands.CreateSavedView;
using CommitmentTracker.Application.SavedViews.Commands.DeleteSavedView;
using CommitmentTracker.Application.SavedViews.Commands.UpdateSavedView;
using CommitmentTracker.Application.SavedViews.Common;
using CommitmentTracker.Application.SavedViews.Queries.ListSavedViews;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

/// <summary>Named views of the commitments grid (decision 0044): the grid's query string kept under a name, private or shared.</summary>
public static class SavedViewEndpoints
{
    public static void MapSavedViews(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/saved-views").WithTags("Saved views");
        group.MapGet("/", ListSavedViews).WithName(nameof(ListSavedViews))
            .WithSummary("Your saved views, and everyone else's shared ones, by name")
            .WithDescription("mine: yours, shared or not; shared: other people's shared views. Each has the grid address it opens (path).");
        group.MapPost("/", CreateSavedView).WithName(nameof(CreateSavedView))
            .WithSummary("Save a view of the commitments grid under a name")
            .WithDescription("query is the grid's query string (status, kind, party, meeting, overdue, q, dueFrom, dueTo, owner, sort, size), read with the grid's rules and stored without the page. Private unless shared is true. A name you already use (any case) is refused.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", UpdateSavedView).WithName(nameof(UpdateSavedView))
            .WithSummary("Rename, re-save or share one of your views")
            .WithDescription("The body replaces the name, the query and the shared flag. Only the owner may change a view: another person's shared view answers 403.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", DeleteSavedView).WithName(nameof(DeleteSavedView))
            .WithSummary("Delete one of your views (administrators: also anyone's shared view)")
            .WithDescription("Irreversible; the audit trail keeps what the view was.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static async Task<Ok<SavedViewList>> ListSavedViews(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListSavedViewsQuery(), ct));

    // No read-one endpoint: a view is a name and an address, all of which the list shows; Location names the list.
    public static async Task<Created<SavedViewDto>> CreateSavedView(CreateSavedViewCommand command, ISender sender, CancellationToken ct)
    {
        var view = await sender.Send(command, ct);
        return TypedResults.Created($"{AppPaths.Api}/saved-views#{view.Id}", view);
    }

    public static async Task<Ok<SavedViewDto>> UpdateSavedView(Guid id, SavedViewDraft changes, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateSavedViewCommand(id, changes), ct));

    public static async Task<NoContent> DeleteSavedView(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteSavedViewCommand(id), ct);
        return TypedResults.NoContent();
    }
}
