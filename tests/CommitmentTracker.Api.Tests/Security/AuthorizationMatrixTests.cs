using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CommitmentTracker.Api.Tests.Infrastructure;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Api.Tests.Security;

/// <summary>
/// Every API endpoint, found in the app's own endpoint data source, called by nobody, each role and each key
/// scope: 401 for nobody, 403 below the declared level, past authorization otherwise. A new endpoint without a row
/// in <see cref="Table"/> fails the coverage test, so none can be forgotten.
/// </summary>
public abstract class AuthorizationMatrixTests(AppFactory app)
{
    private const string CommitmentCode = "NSK-2023-009";
    private const string MeetingCode = "NSK-2023";
    private const string Placeholder = "00000000-0000-0000-0000-00000000beef";

    /// <summary>The least each endpoint needs; null = public (authorizes itself, like a calendar feed's token).</summary>
    private static readonly IReadOnlyDictionary<(string Method, string Pattern), Access?> Table = new Dictionary<(string, string), Access?>
    {
        [("GET", "/api/v1/meetings")] = Access.Read,
        [("POST", "/api/v1/meetings")] = Access.Write,
        [("GET", "/api/v1/meetings/{idOrCode}")] = Access.Read,
        [("PUT", "/api/v1/meetings/{idOrCode}")] = Access.Write,
        [("GET", "/api/v1/meetings/{idOrCode}/candidates")] = Access.Read,
        [("GET", "/api/v1/documents/{id:guid}")] = Access.Read,
        [("GET", "/api/v1/documents/{id:guid}/text")] = Access.Read,
        [("GET", "/api/v1/parties")] = Access.Read,
        [("POST", "/api/v1/parties")] = Access.Write,
        [("GET", "/api/v1/parties/{key}")] = Access.Read,
        [("PUT", "/api/v1/parties/{key}")] = Access.Write,

        [("GET", "/api/v1/commitments")] = Access.Read,
        [("GET", "/api/v1/commitments/export.csv")] = Access.Read,
        [("POST", "/api/v1/commitments")] = Access.Write,
        [("GET", "/api/v1/commitments/{idOrCode}")] = Access.Read,
        [("PUT", "/api/v1/commitments/{idOrCode}")] = Access.Write,
        [("GET", "/api/v1/commitments/{idOrCode}/status-history")] = Access.Read,
        [("POST", "/api/v1/commitments/{idOrCode}/status-history")] = Access.Write,
        [("GET", "/api/v1/commitments/{idOrCode}/status")] = Access.Read,
        [("GET", "/api/v1/overdue")] = Access.Read,
        [("GET", "/api/v1/summary")] = Access.Read,
        [("GET", "/api/v1/summary/trend")] = Access.Read,
        [("GET", "/api/v1/targets")] = Access.Read,

        [("POST", "/api/v1/imports")] = Access.Write,
        [("POST", "/api/v1/imports/file")] = Access.Write,
        [("POST", "/api/v1/candidates/{id:guid}/accept")] = Access.Write,
        [("POST", "/api/v1/candidates/{id:guid}/reject")] = Access.Write,

        // Each person's own subscriptions: reading is enough to subscribe.
        [("GET", "/api/v1/calendar-feeds")] = Access.Read,
        [("POST", "/api/v1/calendar-feeds")] = Access.Read,
        [("GET", "/api/v1/calendar-feeds/{id:guid}")] = Access.Read,
        [("POST", "/api/v1/calendar-feeds/{id:guid}/rotate")] = Access.Read,
        [("POST", "/api/v1/calendar-feeds/{id:guid}/revoke")] = Access.Read,
        [("GET", "/api/v1/calendar/{token}.ics")] = null,

        [("GET", "/api/v1/webhooks")] = Access.Administer,
        [("POST", "/api/v1/webhooks")] = Access.Administer,
        [("GET", "/api/v1/webhooks/{id:guid}")] = Access.Administer,
        [("PUT", "/api/v1/webhooks/{id:guid}")] = Access.Administer,
        [("DELETE", "/api/v1/webhooks/{id:guid}")] = Access.Administer,
        [("POST", "/api/v1/webhooks/{id:guid}/enable")] = Access.Administer,
        [("POST", "/api/v1/webhooks/{id:guid}/disable")] = Access.Administer,
        [("GET", "/api/v1/webhooks/{id:guid}/deliveries")] = Access.Administer,

        [("GET", "/api/v1/api-keys")] = Access.Administer,
        [("POST", "/api/v1/api-keys")] = Access.Administer,
        [("POST", "/api/v1/api-keys/{id:guid}/revoke")] = Access.Administer,
        [("GET", "/api/v1/users")] = Access.Administer,
        [("POST", "/api/v1/users")] = Access.Administer,
        [("PUT", "/api/v1/users/{userName}/role")] = Access.Administer,

        [("GET", "/api/v1/audit")] = Access.Decide,
        [("GET", "/api/v1/audit/export.csv")] = Access.Decide,
        [("GET", "/api/v1/changes")] = Access.Read,

        [("GET", "/openapi/{documentName}.json")] = Access.Read,
    };

    public static TheoryData<string> Callers => ["anonymous", Roles.Viewer, Roles.Analyst, Roles.Manager, Roles.Administrator, "read key", "write key"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_table_covers_exactly_the_endpoints_the_app_maps()
    {
        var discovered = DiscoverEndpoints();

        discovered.Count.ShouldBeGreaterThan(40, "the endpoint data source should list the whole API");
        var missing = discovered.Except(Table.Keys).Select(e => $"{e.Method} {e.Pattern}").Order().ToList();
        var stale = Table.Keys.Except(discovered).Select(e => $"{e.Method} {e.Pattern}").Order().ToList();
        missing.ShouldBeEmpty("endpoints without a row in the authorization table: declare who may call them");
        stale.ShouldBeEmpty("rows for endpoints the app no longer maps");
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Each_endpoint_answers_the_caller_as_the_table_declares(string caller)
    {
        var (client, allowed) = await CallerAsync(caller);
        var failures = new List<string>();

        foreach (var ((method, pattern), required) in Table.OrderBy(r => r.Key.Pattern).ThenBy(r => r.Key.Method))
        {
            using var request = RequestFor(method, pattern);
            using var response = await client.SendAsync(request, Ct);
            var status = (int)response.StatusCode;
            var expected = Expect(required, allowed);
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            var ok = expected switch
            {
                Outcome.Unauthenticated => status == 401 && problem,
                Outcome.Forbidden => status == 403 && problem,
                _ => status is not (401 or 403) && status < 500,
            };
            if (!ok)
            {
                var body = await response.Content.ReadAsStringAsync(Ct);
                failures.Add($"{method} {pattern}: expected {expected}, got {status} {response.Content.Headers.ContentType} {body[..Math.Min(body.Length, 200)]}");
            }
        }

        failures.ShouldBeEmpty($"{caller} was answered wrongly");
    }

    [Fact]
    public async Task Recording_a_closing_status_is_a_managers_decision()
    {
        const string code = "NSK-2023-010";
        var admin = app.Api();
        foreach (var step in new[] { LifecycleStatus.Confirmed, LifecycleStatus.InProgress })
        {
            (await admin.PostJsonAsync($"/api/v1/commitments/{code}/status-history", new StatusEntryDraft { Status = step })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var fulfilled = new StatusEntryDraft { Status = LifecycleStatus.Fulfilled, Rationale = "Held as agreed." };
        var refused = await app.ApiAs(Roles.Analyst).PostJsonAsync($"/api/v1/commitments/{code}/status-history", fulfilled).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        refused.GetProperty("detail").GetString()!.ShouldContain("manager");
        await WithKey(await KeyAsync(ApiScopes.Write)).PostJsonAsync($"/api/v1/commitments/{code}/status-history", fulfilled).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // An open status stays the analyst's to record.
        (await app.ApiAs(Roles.Analyst).PostJsonAsync($"/api/v1/commitments/{code}/status-history", new StatusEntryDraft { Status = LifecycleStatus.InProgress }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var closed = await app.ApiAs(Roles.Manager).PostJsonAsync($"/api/v1/commitments/{code}/status-history", fulfilled).ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        closed.Status.ShouldBe(LifecycleStatus.Fulfilled);
    }

    [Fact]
    public async Task Extending_a_due_date_is_a_managers_decision()
    {
        var url = $"/api/v1/commitments/{CommitmentCode}";
        var current = await app.Api().GetAsync(url, Ct);
        var etag = current.Headers.ETag!.Tag;
        var detail = await current.ShouldBeJsonAsync<CommitmentDetailDto>();
        detail.Due!.Phrase.ShouldBe("autumn 2024");
        var extended = DraftOf(detail) with { Due = "autumn 2025" };

        var refused = await app.ApiAs(Roles.Analyst).PutJsonAsync(url, extended, etag).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        refused.GetProperty("detail").GetString()!.ShouldContain("manager");
        (await app.Api().GetAsync(url, Ct).ShouldBeJsonAsync<CommitmentDetailDto>()).Version.ShouldBe(detail.Version, "a refused extension changes nothing");

        // The analyst may still revise what does not move the deadline.
        var retitled = await app.ApiAs(Roles.Analyst).PutJsonAsync(url, DraftOf(detail) with { Summary = "Revised by an analyst." }, etag).ShouldBeJsonAsync<CommitmentDetailDto>();

        var updated = await app.ApiAs(Roles.Manager).PutJsonAsync(url, extended, ETagOf(retitled)).ShouldBeJsonAsync<CommitmentDetailDto>();
        updated.Due!.Phrase.ShouldBe("autumn 2025");
        updated.Due.Latest!.Value.ShouldBeGreaterThan(detail.Due.Latest!.Value);
    }

    [Fact]
    public async Task A_body_the_caller_may_not_send_is_refused_before_it_is_read()
    {
        using var malformed = new StringContent("{ not json", Encoding.UTF8, "application/json");
        await app.Anonymous().PostAsync("/api/v1/commitments", malformed, Ct).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await app.Anonymous().PostAsync("/api/v1/imports/file", new MultipartFormDataContent(), Ct).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await app.Anonymous().PutJsonAsync($"/api/v1/commitments/{CommitmentCode}", new { }, "not-an-etag").ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private HashSet<(string Method, string Pattern)> DiscoverEndpoints()
    {
        _ = app.Anonymous(); // starts the host
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        return
        [
            .. source.Endpoints.OfType<RouteEndpoint>()
                .Select(e => (Pattern: Normalize(e.RoutePattern.RawText ?? string.Empty), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
                .Where(e => e.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal) || e.Pattern.StartsWith("/openapi/", StringComparison.Ordinal))
                .SelectMany(e => (e.Methods.Count == 0 ? ["*"] : e.Methods).Select(m => (m, e.Pattern))),
        ];
    }

    private static string Normalize(string pattern) => "/" + pattern.Trim('/');

    private enum Outcome
    {
        Unauthenticated,
        Forbidden,
        Allowed,
    }

    private static Outcome Expect(Access? required, Access? allowed) =>
        required is not { } needed ? Outcome.Allowed
        : allowed is not { } has ? Outcome.Unauthenticated
        : has < needed ? Outcome.Forbidden
        : Outcome.Allowed;

    private async Task<(HttpClient Client, Access? Allowed)> CallerAsync(string caller) => caller switch
    {
        "anonymous" => (app.Anonymous(), null),
        "read key" => (WithKey(await KeyAsync(ApiScopes.Read)), Access.Read),
        "write key" => (WithKey(await KeyAsync(ApiScopes.Write)), Access.Write),
        _ => (app.ApiAs(caller), Roles.Grants(caller)),
    };

    private static HttpRequestMessage RequestFor(string method, string pattern)
    {
        var url = pattern
            .Replace("{idOrCode}", pattern.StartsWith("/api/v1/meetings/", StringComparison.Ordinal) ? MeetingCode : CommitmentCode, StringComparison.Ordinal)
            .Replace("{id:guid}", Placeholder, StringComparison.Ordinal)
            .Replace("{token}", "not-a-feed-token", StringComparison.Ordinal)
            .Replace("{userName}", "nobody", StringComparison.Ordinal)
            .Replace("{key}", "RU-NVS", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (pattern == "/api/v1/imports/file")
        {
            // A well-formed upload, so the answer is about who sent it, not about the form.
            var form = new MultipartFormDataContent
            {
                { new StringContent($"MX-{Guid.NewGuid():N}"[..12]), "code" },
                { new StringContent("Matrix"), "title" },
                { new StringContent("2024-03-01"), "date" },
                { new StringContent("Minsk"), "place" },
            };
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("The sides agreed to hold a trade fair in 2025."));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "file", "record.txt");
            request.Content = form;
        }
        else if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<string> KeyAsync(string scope) =>
        (await app.Api().PostJsonAsync("/api/v1/api-keys", new CreateApiKeyCommand($"Matrix {scope} {Guid.NewGuid():N}", [scope]))
            .ShouldBeJsonAsync<CreatedApiKeyDto>(HttpStatusCode.Created)).Key;

    private HttpClient WithKey(string key)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeySecret.Header, key);
        return client;
    }

    private static string ETagOf(CommitmentDetailDto c) => $"\"{c.Version}\"";

    private static CommitmentDraft DraftOf(CommitmentDetailDto c) => new()
    {
        Title = c.Title,
        Summary = c.Summary,
        Kind = c.Kind,
        Modality = c.Modality,
        Issuer = c.IssuerKey,
        Due = c.Due?.Phrase,
        Responsibilities = [.. c.Responsibilities.Select(r => new ResponsibilityInput(r.PartyKey, r.Role))],
        Tags = c.Tags,
        Spans = [.. c.Spans.Select(s => new SpanInput(s.DocumentId, s.Start, s.End, s.Quote))],
        Target = c.Target is null ? null : new TargetInput(c.Target.Metric, c.Target.Unit, c.Target.Direction, c.Target.BaselineValue, c.Target.BaselineDate, c.Target.BaselineNote, c.Target.GoalValue, [.. c.Target.Observations.Select(o => new ObservationInput(o.PeriodStart, o.PeriodEnd, o.Value, o.Source))]),
    };
}

public sealed class SqliteAuthorizationMatrixTests(SqliteAppFactory app) : AuthorizationMatrixTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlAuthorizationMatrixTests(PostgreSqlAppFactory app) : AuthorizationMatrixTests(app), IClassFixture<PostgreSqlAppFactory>;
