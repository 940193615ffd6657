using CommitmentTracker.Application.Accounts.ApiKeys;
using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.Accounts.ApiKeys.ListApiKeys;
using CommitmentTracker.Application.Accounts.ApiKeys.RevokeApiKey;
using CommitmentTracker.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

public static class ApiKeyEndpoints
{
    public static void MapApiKeys(this IEndpointRouteBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("Administration");
        keys.MapGet("/", ListApiKeys).WithName(nameof(ListApiKeys))
            .WithSummary("List API keys with their state (administrators)")
            .WithDescription("Never the key text or its hash: the prefix tells keys apart. Revoked and expired keys stay listed.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        keys.MapPost("/", CreateApiKey).WithName(nameof(CreateApiKey))
            .WithSummary("Issue an API key (administrators); the key text is in this answer only")
            .WithDescription("scopes: read and/or write. expiresAt is optional and must be in the future. Send the returned key in the X-Api-Key header. Only its SHA-256 is stored, so it cannot be shown again.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        keys.MapPost("/{id:guid}/revoke", RevokeApiKey).WithName(nameof(RevokeApiKey))
            .WithSummary("Revoke an API key at once (administrators); it stays listed as revoked")
            .WithDescription("Effective on the next request that presents the key. The key is never deleted, so the audit trail keeps naming it.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<Ok<IReadOnlyList<ApiKeyDto>>> ListApiKeys(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListApiKeysQuery(), ct));

    public static async Task<Created<CreatedApiKeyDto>> CreateApiKey(CreateApiKeyCommand command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"{AppPaths.Api}/api-keys/{created.ApiKey.Id}", created);
    }

    public static async Task<Ok<ApiKeyDto>> RevokeApiKey(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RevokeApiKeyCommand(id), ct));
}
