using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// Declares the errors every operation can answer, all RFC 9457 application/problem+json, so a generated client
/// has a type for each: 400 with per-field errors (on every operation: an unknown query parameter is one), 404
/// wherever a resource is addressed, and — unless the endpoint allows anonymous access — 401 and 403, plus 429 on
/// writes (the rate limiter guards writes). What an endpoint declares itself (409, 412, 428…) is kept, and gets the problem media type if it lacks one.
/// </summary>
public sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public const string MediaType = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        var parameters = operation.Parameters ?? [];
        // Every operation can answer 400: a query parameter it does not take is refused by name (decision 0087).
        var takesInput = operation.RequestBody is not null || parameters.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Header);
        await Declare(
            operation,
            context,
            StatusCodes.Status400BadRequest,
            takesInput ? "The request has invalid fields; errors names each one as sent." : "A query parameter this operation does not take was sent; errors names it.",
            typeof(HttpValidationProblemDetails),
            cancellationToken);

        if (parameters.Any(p => p.In == ParameterLocation.Path))
        {
            await Declare(operation, context, StatusCodes.Status404NotFound, "Nothing has that id or code.", typeof(ProblemDetails), cancellationToken);
        }

        if (!SecurityTransformer.AllowsAnonymous(context))
        {
            await Declare(operation, context, StatusCodes.Status401Unauthorized, "Not signed in: send an API key (X-Api-Key) or the sign-in cookie.", typeof(ProblemDetails), cancellationToken);
            await Declare(operation, context, StatusCodes.Status403Forbidden, "Signed in, but without the scope this operation needs (read or write).", typeof(ProblemDetails), cancellationToken);
            if (IsWrite(context.Description.HttpMethod))
            {
                await Declare(operation, context, StatusCodes.Status429TooManyRequests, "Too many writes in a short time; retry later.", typeof(ProblemDetails), cancellationToken);
            }
        }

        foreach (var (code, response) in operation.Responses)
        {
            if (code.StartsWith('4') && response is OpenApiResponse { Content: null or { Count: 0 } } bare)
            {
                bare.Content = new Dictionary<string, OpenApiMediaType> { [MediaType] = new() { Schema = await SchemaFor(typeof(ProblemDetails), context, cancellationToken) } };
            }
        }

        // In status order, as a reader (and a generated client's docs) would look for them.
        var sorted = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (code, response) in sorted)
        {
            operation.Responses[code] = response;
        }
    }

    private static bool IsWrite(string? method) =>
        HttpMethods.IsPost(method ?? string.Empty) || HttpMethods.IsPut(method ?? string.Empty) || HttpMethods.IsPatch(method ?? string.Empty) || HttpMethods.IsDelete(method ?? string.Empty);

    private static async Task Declare(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description, Type problem, CancellationToken ct)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(code))
        {
            return;
        }

        operation.Responses[code] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [MediaType] = new() { Schema = await SchemaFor(problem, context, ct) } },
        };
    }

    // The same component names the framework gives these types, so each exists once however it was first declared.
    private static async Task<IOpenApiSchema> SchemaFor(Type type, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        var id = type.Name;
        if (document.Components?.Schemas?.ContainsKey(id) != true)
        {
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(type, null, ct));
        }

        return new OpenApiSchemaReference(id, document);
    }
}
