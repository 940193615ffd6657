using System.Net;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Contract;

/// <summary>Cheap, correct polling: weak ETags on collections, strong on single resources, revalidation always.</summary>
public abstract class ConditionalRequestTests(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_collection_has_a_weak_etag_and_answers_304_until_it_changes()
    {
        var client = app.Api();
        var first = await client.GetAsync("/api/v1/commitments?kind=Instruction", Ct);
        var etag = first.Headers.ETag!;
        etag.IsWeak.ShouldBeTrue();
        first.Headers.CacheControl!.Private.ShouldBeTrue();
        first.Headers.CacheControl.NoCache.ShouldBeTrue();

        (await GetIfNoneMatchAsync(client, "/api/v1/commitments?kind=Instruction", etag.ToString())).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await GetIfNoneMatchAsync(client, "/api/v1/commitments?kind=Pledge", etag.ToString())).StatusCode.ShouldBe(HttpStatusCode.OK, "another query is another representation");

        await client.PostJsonAsync("/api/v1/commitments/NSK-2023-004/status-history", new StatusEntryDraft { Status = LifecycleStatus.Confirmed })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);

        var changed = await GetIfNoneMatchAsync(client, "/api/v1/commitments?kind=Instruction", etag.ToString());
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, "the item's status and version changed");
        changed.Headers.ETag!.ToString().ShouldNotBe(etag.ToString());
    }

    [Fact]
    public async Task A_single_resource_keeps_its_strong_version_tag()
    {
        var response = await app.Api().GetAsync("/api/v1/commitments/KRD-2023-001", Ct);

        response.Headers.ETag!.IsWeak.ShouldBeFalse();
        response.Headers.CacheControl!.Private.ShouldBeTrue();
    }

    [Fact]
    public async Task Errors_are_never_cached()
    {
        var response = await app.Api().GetAsync("/api/v1/commitments?status=Bogus", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.ETag.ShouldBeNull();
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    private static async Task<HttpResponseMessage> GetIfNoneMatchAsync(HttpClient client, string url, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return await client.SendAsync(request, Ct);
    }
}

public sealed class SqliteConditionalRequestTests(SqliteAppFactory app) : ConditionalRequestTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlConditionalRequestTests(PostgreSqlAppFactory app) : ConditionalRequestTests(app), IClassFixture<PostgreSqlAppFactory>;
