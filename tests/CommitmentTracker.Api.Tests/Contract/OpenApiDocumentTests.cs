using System.Net;
using System.Text.Json;
using CommitmentTracker.Api.Tests.Infrastructure;

namespace CommitmentTracker.Api.Tests.Contract;

/// <summary>The published contract: every operation is named, summarised and documents its responses.</summary>
public sealed class OpenApiDocumentTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_summary_and_responses()
    {
        var document = JsonDocument.Parse(await app.Api().GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Operation: op.Value)))
            .ToList();

        operations.Count.ShouldBeGreaterThanOrEqualTo(16);
        foreach (var (path, method, operation) in operations)
        {
            operation.TryGetProperty("operationId", out var id).ShouldBeTrue($"{method} {path} has no operationId");
            id.GetString().ShouldNotBeNullOrWhiteSpace();
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace($"{method} {path} has no summary");
            operation.GetProperty("responses").EnumerateObject().ShouldContain(r => r.Name.StartsWith('2'), $"{method} {path} documents no success response");
        }

        operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Distinct().Count().ShouldBe(operations.Count);
    }

    [Fact]
    public async Task Enums_are_documented_as_their_names()
    {
        var document = JsonDocument.Parse(await app.Api().GetStringAsync("/openapi/v1.json", Ct)).RootElement;
        var status = document.GetProperty("components").GetProperty("schemas").GetProperty("LifecycleStatus");

        status.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldContain("PartiallyFulfilled");
    }

    [Fact]
    public async Task The_interactive_reference_is_served()
    {
        var client = app.Api();
        var page = await client.GetAsync("/api/reference/v1", Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync(Ct)).ShouldContain("openapi/v1.json");
    }
}
