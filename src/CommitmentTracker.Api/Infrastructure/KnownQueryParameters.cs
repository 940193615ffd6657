using System.Collections.Concurrent;
using System.Reflection;
using CommitmentTracker.Api.OpenApi;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommitmentTracker.Api.Infrastructure;

/// <summary>
/// A query parameter the operation does not take is refused with a 400 that names it, as an unknown body field is
/// (decision 0087): "?stauts=Open" would otherwise list everything, and the client would never know its filter was
/// not applied. What an operation takes is read from the API description the OpenAPI document is made from, so the
/// check and the contract cannot disagree.
/// </summary>
public sealed class KnownQueryParameters(IApiDescriptionGroupCollectionProvider descriptions) : IEndpointFilter
{
    private readonly ConcurrentDictionary<(MethodInfo Handler, string Method), IReadOnlyList<string>?> _byOperation = new();

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Query.Count > 0 && http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } handler
            && _byOperation.GetOrAdd((handler, http.Request.Method), key => Described(key.Handler, key.Method)) is { } known)
        {
            var unknown = http.Request.Query.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                var takes = known.Count == 0 ? "It takes no query parameters." : $"Its parameters: {string.Join(", ", known)}.";
                throw new ValidationException(unknown.Select(name => new ValidationFailure(name, $"'{name}' is not a parameter of this request, so it would be ignored. {takes}")));
            }
        }

        return next(context);
    }

    /// <summary>The query parameters the operation's description lists, as the contract names them; null for an undescribed operation.</summary>
    private List<string>? Described(MethodInfo handler, string method)
    {
        var description = descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items).FirstOrDefault(d =>
            string.Equals(d.HttpMethod, method, StringComparison.OrdinalIgnoreCase) && d.ActionDescriptor.EndpointMetadata.Contains(handler));
        return description?.ParameterDescriptions.Where(p => p.Source == BindingSource.Query)
            .Select(p => ParameterNamesTransformer.ContractName(p.Name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
