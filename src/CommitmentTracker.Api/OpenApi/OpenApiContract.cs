using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommitmentTracker.Api.OpenApi;

/// <summary>
/// Everything that makes /openapi/v1.json complete enough to generate a typed client from. Each part works from
/// endpoint metadata and types, not from a list of endpoints, so endpoints added later are covered too.
/// </summary>
public static class OpenApiContract
{
    public static OpenApiOptions AddContract(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CommitmentTracker API";
            document.Info.Version = "v1";
            document.Info.Description = "Commitments made at official meetings, each tied to the exact words it came from, with an append-only status log.";
            document.Info.Contact = new OpenApiContact { Name = "CommitmentTracker maintainers" };
            document.Info.License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" };
            // Relative: the API is served by the same host as this document, whatever name a proxy gives it.
            document.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document" }];
            DescribeTags(document);
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer<SchemaTypesTransformer>();
        // In this order: the problem responses look at the parameters (If-Match included) the earlier ones settle.
        options.AddOperationTransformer<ParameterNamesTransformer>();
        options.AddOperationTransformer<ConditionalHeadersTransformer>();
        options.AddOperationTransformer<ExamplesTransformer>();
        options.AddOperationTransformer<ProblemResponsesTransformer>();
        options.AddOperationTransformer<ResponseHeadersTransformer>();
        options.AddOperationTransformer<SecurityTransformer>();
        options.AddDocumentTransformer<SecurityTransformer>();
        options.AddDocumentTransformer<NamedBodySchemasTransformer>();
        options.AddDocumentTransformer<FileContentTransformer>();
        options.AddDocumentTransformer<RequiredFieldsTransformer>();
        return options;
    }

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Meetings"] = "Official meetings, their participants and the published records (documents) commitments cite.",
        ["Parties"] = "States, regions and bodies that make or carry commitments, addressed by a stable key.",
        ["Commitments"] = "The ledger: commitments, their append-only status log, the dashboard figures, overdue items, targets and exports.",
        ["Import"] = "Importing a meeting record (English or Russian) and reviewing the commitments extraction proposes.",
        ["Calendar feeds"] = "Personal iCalendar subscriptions to due dates; the feed address itself is the credential.",
        ["Changes"] = "The change feed: every change in commit order, for systems that keep a copy in step.",
        ["Saved views"] = "Named views of the commitments grid (its filters, sort and page size), private to their owner or shared with everyone.",
        ["Webhooks"] = "Subscriptions that receive signed HTTP callbacks when commitments change or fall overdue.",
        ["Administration"] = "People who may sign in and the API keys programs use (administrators only).",
        ["Audit"] = "The append-only record of who changed what and when.",
    };

    private static void DescribeTags(OpenApiDocument document)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? string.Empty);
        }
    }
}
