using CommitmentTracker.Api.Infrastructure;
using CommitmentTracker.Api.OpenApi;
using CommitmentTracker.Application.Parties;
using CommitmentTracker.Application.Parties.Commands.CreateParty;
using CommitmentTracker.Application.Parties.Commands.UpdateParty;
using CommitmentTracker.Application.Parties.Queries.GetParty;
using CommitmentTracker.Application.Parties.Queries.ListParties;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

public static class PartyEndpoints
{
    public static void MapParties(this IEndpointRouteBuilder api)
    {
        var parties = api.MapGroup("/parties").WithTags("Parties");
        parties.MapGet("/", ListParties).WithName(nameof(ListParties))
            .WithSummary("All parties (states, regions, bodies) with their keys, aliases and parents")
            .WithDescription("Every party with its key (used everywhere a party is named), kind, parent and the aliases it is also known by. Small enough to be returned whole.");
        parties.MapPost("/", CreateParty).WithName(nameof(CreateParty)).Sets(ResponseHeader.ETag)
            .WithSummary("Register a party, with its names in every language the records use")
            .WithDescription("Aliases are other names, nominative (the extractor matches inflected forms): \"Novosibirsk Region\", \"Новосибирская область\".")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        parties.MapGet("/{key}", GetParty).WithName(nameof(GetParty))
            .WithSummary("Get a party by its key")
            .WithDescription("By key, case-insensitive. The response carries the party's ETag for a later update.")
            .Produces<PartyDto>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        parties.MapPut("/{key}", UpdateParty).WithName(nameof(UpdateParty))
            .WithSummary("Rename a party, change its kind, parent or aliases (requires If-Match); the key never changes")
            .WithDescription("Send the ETag of your last read as If-Match (428 without it, 412 if someone saved since). The key never changes.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    public static async Task<Ok<IReadOnlyList<PartyDto>>> ListParties(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListPartiesQuery(), ct));

    public static async Task<CreatedAtRoute<PartyDto>> CreateParty(CreatePartyCommand command, ISender sender, HttpContext http, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        http.Response.Headers.ETag = ETags.For(created.Version);
        return TypedResults.CreatedAtRoute(created, nameof(GetParty), new { key = created.Key });
    }

    public static async Task<IResult> GetParty(string key, ISender sender, HttpContext http, CancellationToken ct)
    {
        var party = await sender.Send(new GetPartyQuery(key), ct);
        return ETags.OkOrNotModified(http, party, ETags.For(party.Version));
    }

    public static async Task<Ok<PartyDto>> UpdateParty(string key, PartyDraft changes, ISender sender, HttpContext http, CancellationToken ct)
    {
        var updated = await sender.Send(new UpdatePartyCommand(key, ETags.VersionFrom(http.Request), changes), ct);
        http.Response.Headers.ETag = ETags.For(updated.Version);
        return TypedResults.Ok(updated);
    }
}
