using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace CommitmentTracker.Integration.Tests.Contract;

/// <summary>
/// The published contract, complete enough to generate a typed client: valid OpenAPI, every operation named,
/// summarised, tagged and secured, every schema named, every error problem+json, every request with an example.
/// Each check lists all the operations that fail it, so a new endpoint that forgets something is named.
/// </summary>
public sealed partial class OpenApiDocumentTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_reads_and_validates_with_the_default_rules()
    {
        var text = await app.Api().GetStringAsync("/openapi/v1.json", Ct);
        var (document, diagnostic) = OpenApiDocument.Parse(text, OpenApiConstants.Json);

        diagnostic.ShouldNotBeNull();
        diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}").ShouldBeEmpty("reading the document");
        document.ShouldNotBeNull();
        document.Validate(ValidationRuleSet.GetDefaultRuleSet()).Select(e => $"{e.Pointer}: {e.Message}").ShouldBeEmpty("validating the document");
    }

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_summary_tags_and_a_success_response()
    {
        var operations = Operations(await ReadAsync());

        operations.Count.ShouldBeGreaterThanOrEqualTo(16);
        Offenders(operations, o => string.IsNullOrWhiteSpace(o.Operation.OperationId)).ShouldBeEmpty("operations without an operationId");
        operations.GroupBy(o => o.Operation.OperationId).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("operationIds used twice");
        Offenders(operations, o => string.IsNullOrWhiteSpace(o.Operation.Summary)).ShouldBeEmpty("operations without a summary");
        Offenders(operations, o => string.IsNullOrWhiteSpace(o.Operation.Description)).ShouldBeEmpty("operations without a description");
        Offenders(operations, o => o.Operation.Tags is not { Count: > 0 }).ShouldBeEmpty("operations without tags");
        Offenders(operations, o => !(o.Operation.Responses ?? []).Keys.Any(k => k.StartsWith('2'))).ShouldBeEmpty("operations without a 2xx response");
    }

    [Fact]
    public async Task Every_JSON_response_has_a_schema_and_every_4xx_is_problem_json()
    {
        var operations = Operations(await ReadAsync());

        var jsonWithoutSchema = operations.SelectMany(o => (o.Operation.Responses ?? [])
            .SelectMany(r => (r.Value.Content ?? new Dictionary<string, OpenApiMediaType>())
                .Where(c => c.Key.Contains("json", StringComparison.Ordinal) && c.Value.Schema is null)
                .Select(c => $"{o.Name} {r.Key} {c.Key}")));
        jsonWithoutSchema.ShouldBeEmpty("JSON responses without a schema");

        var errorsNotProblems = operations.SelectMany(o => (o.Operation.Responses ?? [])
            .Where(r => r.Key.StartsWith('4') && !(r.Value.Content ?? new Dictionary<string, OpenApiMediaType>()).Any(c => c.Key == "application/problem+json" && c.Value.Schema is not null))
            .Select(r => $"{o.Name} {r.Key}"));
        errorsNotProblems.ShouldBeEmpty("4xx responses that are not application/problem+json with a schema");

        Offenders(operations, o => !(o.Operation.Responses ?? []).ContainsKey("400"))
            .ShouldBeEmpty("operations that declare no 400 (any of them refuses a query parameter it does not take)");
        Offenders(operations, o => (o.Operation.Parameters ?? []).Any(p => p.In == ParameterLocation.Path) && !(o.Operation.Responses ?? []).ContainsKey("404"))
            .ShouldBeEmpty("operations that address a resource but declare no 404");
    }

    [Fact]
    public async Task Every_request_body_has_an_example()
    {
        var operations = Operations(await ReadAsync());

        var withoutExample = operations.SelectMany(o => (o.Operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
            .Where(c => c.Value.Example is null && c.Value.Examples is not { Count: > 0 })
            .Select(c => $"{o.Name} {c.Key} (add the request type to RequestExamples.Bodies)"));

        withoutExample.ShouldBeEmpty("request bodies without an example");
    }

    [Fact]
    public async Task Bodies_and_their_nested_records_use_named_schemas()
    {
        var document = await ReadAsync();
        var operations = Operations(document);

        var inlineBodies = operations.SelectMany(o =>
            (o.Operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => (Where: $"{o.Name} request {c.Key}", c.Value.Schema))
                .Concat((o.Operation.Responses ?? []).SelectMany(r => (r.Value.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => (Where: $"{o.Name} {r.Key} {c.Key}", c.Value.Schema)))))
            .SelectMany(b => InlineObjects(b.Schema, b.Where));
        inlineBodies.ShouldBeEmpty("request or response bodies with an inline object schema");

        var inlineNested = (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
            .SelectMany(s => (s.Value.Properties ?? new Dictionary<string, IOpenApiSchema>()).SelectMany(p => InlineObjects(p.Value, $"{s.Key}.{p.Key}")));
        inlineNested.ShouldBeEmpty("component properties with an inline object schema (name the nested type)");
    }

    [Fact]
    public async Task Every_reference_resolves()
    {
        var root = JsonNode.Parse(await app.Api().GetStringAsync("/openapi/v1.json", Ct))!;

        var dangling = Nodes(root).OfType<JsonObject>()
            .Select(o => o["$ref"]?.GetValue<string>())
            .OfType<string>()
            .Distinct()
            .Where(reference => !reference.StartsWith("#/", StringComparison.Ordinal) || Resolve(root, reference) is null);

        dangling.ShouldBeEmpty("$ref values that point nowhere in the document");
    }

    [Fact]
    public async Task Enums_are_documented_as_their_names()
    {
        var root = JsonNode.Parse(await app.Api().GetStringAsync("/openapi/v1.json", Ct))!;
        var status = root["components"]!["schemas"]!["LifecycleStatus"]!;

        status["enum"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldContain("PartiallyFulfilled");
        Nodes(root).OfType<JsonObject>()
            .Where(o => o["enum"] is JsonArray && !Types(o["type"]).Contains("string"))
            .Select(o => o.GetPath())
            .ShouldBeEmpty("enum schemas that do not say they are strings");
    }

    [Fact]
    public async Task Every_operation_that_is_not_anonymous_requires_an_api_key_or_the_cookie()
    {
        var document = await ReadAsync();
        var schemes = document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>();
        schemes.ShouldContainKey("ApiKey");
        schemes["ApiKey"].Type.ShouldBe(SecuritySchemeType.ApiKey);
        schemes["ApiKey"].In.ShouldBe(ParameterLocation.Header);
        schemes["ApiKey"].Name.ShouldBe("X-Api-Key");
        schemes.ShouldContainKey("Cookie");
        schemes["Cookie"].Type.ShouldBe(SecuritySchemeType.ApiKey);
        schemes["Cookie"].In.ShouldBe(ParameterLocation.Cookie);
        schemes["Cookie"].Name.ShouldBe(".AspNetCore.Identity.Application");

        var anonymous = AnonymousRoutes();
        var operations = Operations(document);
        var secured = operations.Where(o => !anonymous.Contains(o.Route)).ToList();
        Offenders(secured, o => !Requires(o.Operation, "ApiKey") || !Requires(o.Operation, "Cookie"))
            .ShouldBeEmpty("operations that need sign-in but do not require ApiKey or Cookie");
        Offenders(secured, o => !(o.Operation.Responses ?? []).ContainsKey("401") || !(o.Operation.Responses ?? []).ContainsKey("403"))
            .ShouldBeEmpty("operations that need sign-in but declare no 401 or 403");
        Offenders(secured, o => o.Method != HttpMethod.Get && !(o.Operation.Responses ?? []).ContainsKey("429"))
            .ShouldBeEmpty("writes that need sign-in but declare no 429");
        Offenders(operations.Where(o => anonymous.Contains(o.Route)).ToList(), o => o.Operation.Security is { Count: > 0 })
            .ShouldBeEmpty("anonymous operations that declare a security requirement");
    }

    [Fact]
    public async Task The_served_document_is_the_one_committed_in_docs_openapi()
    {
        // The build writes docs/openapi/v1.json; a change to the API that was not built and committed fails here.
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "openapi", "v1.json"), Ct));
        var served = JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Ct));

        JsonNode.DeepEquals(served, committed).ShouldBeTrue("the served document differs from docs/openapi/v1.json: build the Host and commit the file");
    }

    [Fact]
    public async Task Files_go_over_the_wire_as_files()
    {
        var operations = Operations(await ReadAsync()).ToDictionary(o => o.Operation.OperationId!);

        foreach (var (id, mediaType) in new[] { ("ExportCommitments", "text/csv"), ("ExportAuditRecords", "text/csv"), ("GetCalendarFile", "text/calendar") })
        {
            var schema = operations[id].Operation.Responses!["200"].Content![mediaType].Schema!;
            (schema.Type, schema.Format).ShouldBe((JsonSchemaType.String, "binary"), id);
        }

        var upload = operations["ImportMeetingFile"].Operation.RequestBody!.Content!["multipart/form-data"].Schema!;
        upload.AllOf.ShouldBeNull("a form is one flat object: generated clients drop the fields of an allOf");
        upload.Properties!["file"].Format.ShouldBe("binary");
        upload.Required!.ShouldBe(["code", "date", "file", "place", "title"], ignoreOrder: true);
    }

    [Fact]
    public async Task Response_headers_the_api_sets_are_declared()
    {
        var operations = Operations(await ReadAsync()).ToDictionary(o => o.Operation.OperationId!);
        IEnumerable<string> Headers(string id, string status) => operations[id].Operation.Responses![status].Headers?.Keys ?? [];

        Headers("GetCommitment", "200").ShouldContain("ETag");
        Headers("UpdateCommitment", "200").ShouldContain("ETag");
        Headers("CreateCommitment", "201").ShouldBe(["ETag", "Location"], ignoreOrder: true);
        Headers("AppendStatusEntry", "201").ShouldContain("Location");
        Headers("ListChanges", "200").ShouldContain("Link");
        Headers("CreateCommitment", "429").ShouldContain("Retry-After");
        Offenders(operations.Values.ToList(), o => o.Operation.Responses!.Any(r => r.Key == "201" && r.Value.Headers?.ContainsKey("Location") != true))
            .ShouldBeEmpty("201 responses without a Location header");
    }

    [Fact]
    public async Task Anonymous_operations_say_so_with_an_empty_security_list()
    {
        var text = JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json", Ct))!;
        var calendar = text["paths"]!["/api/v1/calendar/{token}.ics"]!["get"]!;

        calendar["security"].ShouldBeOfType<JsonArray>().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_interactive_reference_is_served()
    {
        var client = app.Api();
        var page = await client.GetAsync("/api/reference/v1", Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(Ct)).ShouldContain("openapi/v1.json");
    }

    private sealed record Op(string Path, HttpMethod Method, OpenApiOperation Operation)
    {
        public string Name => $"{Method} {Path} ({Operation.OperationId ?? "no operationId"})";

        public string Route => $"{Method} {Path}";
    }

    // Through app.Api(), as a consumer with a key reads it; the document is public too (the committed-document test reads it anonymously).
    private async Task<OpenApiDocument> ReadAsync()
    {
        var (document, diagnostic) = OpenApiDocument.Parse(await app.Api().GetStringAsync("/openapi/v1.json", Ct), OpenApiConstants.Json);
        diagnostic?.Errors.ShouldBeEmpty();
        return document.ShouldNotBeNull();
    }

    private static List<Op> Operations(OpenApiDocument document) =>
        [.. (document.Paths ?? []).SelectMany(path => (path.Value.Operations ?? []).Select(op => new Op(path.Key, op.Key, op.Value)))];

    private static IEnumerable<string> Offenders(IEnumerable<Op> operations, Func<Op, bool> offends) => operations.Where(offends).Select(o => o.Name);

    private static bool Requires(OpenApiOperation operation, string scheme) =>
        (operation.Security ?? []).Any(requirement => requirement.Keys.Any(k => k.Reference.Id == scheme));

    // "METHOD /path" of every endpoint that allows anonymous access, written as the document writes paths.
    private HashSet<string> AnonymousRoutes() =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {DocumentPath(e.RoutePattern.RawText)}")),
    ];

    // "/api/v1/documents/{id:guid}/" → "/api/v1/documents/{id}".
    private static string DocumentPath(string? pattern) => RouteConstraint().Replace("/" + (pattern ?? string.Empty).Trim('/'), "}");

    [GeneratedRegex(@"(:[^}]+)?\?*\}")]
    private static partial Regex RouteConstraint();

    // Inline object schemas reachable from a body or property without passing through a $ref: properties of
    // their own, or an allOf composition (a form merged with its files). Maps (additionalProperties) are not types.
    private static IEnumerable<string> InlineObjects(IOpenApiSchema? schema, string where) => schema switch
    {
        null or OpenApiSchemaReference => [],
        { Properties.Count: > 0 } or { AllOf.Count: > 0 } => [where],
        _ => InlineObjects(schema.Items, where + "[]")
            .Concat(InlineObjects(schema.AdditionalProperties, where + "{}"))
            .Concat((schema.OneOf ?? []).Concat(schema.AnyOf ?? []).SelectMany(s => InlineObjects(s, where))),
    };

    private static IEnumerable<JsonNode> Nodes(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Nodes).Prepend(o),
        JsonArray a => a.SelectMany(Nodes).Prepend(a),
        _ => [],
    };

    private static JsonNode? Resolve(JsonNode root, string reference) =>
        reference[2..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .Aggregate((JsonNode?)root, (node, segment) => node is JsonObject o ? o[segment] : null);

    private static string[] Types(JsonNode? type) => type switch
    {
        JsonArray a => [.. a.Select(t => t!.GetValue<string>())],
        JsonValue v => [v.GetValue<string>()],
        _ => [],
    };
}
