using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.CalendarFeeds.Queries.ReadCalendarFeed;
using CommitmentTracker.Application.Commitments.Commands.AppendStatusEntry;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Import.Commands.ImportMeeting;
using CommitmentTracker.Application.Webhooks.Commands.CreateSubscription;
using CommitmentTracker.Application.Webhooks.Commands.DeleteSubscription;
using CommitmentTracker.Application.Webhooks.Commands.DisableSubscription;
using CommitmentTracker.Application.Webhooks.Commands.EnableSubscription;
using CommitmentTracker.Application.Webhooks.Commands.UpdateSubscription;
using CommitmentTracker.Application.Webhooks.Queries.GetSubscription;
using CommitmentTracker.Application.Webhooks.Queries.ListDeliveries;
using CommitmentTracker.Application.Webhooks.Queries.ListSubscriptions;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Security;

/// <summary>
/// Every API endpoint, found in the app's own endpoint data source, called by nobody, a revoked key, each role and
/// each key scope: 401 for nobody and the revoked key, 403 below the level the endpoint's request declares with
/// [Requires], past authorization otherwise. An endpoint whose request cannot be found fails the coverage test, so
/// none can be forgotten.
/// </summary>
public abstract class AuthorizationMatrixTests(AppFactory app)
{
    private const string CommitmentCode = "NSK-2023-009";
    private const string MeetingCode = "NSK-2023";
    private const string Placeholder = "00000000-0000-0000-0000-00000000beef";

    /// <summary>
    /// What each endpoint needs is not written here: it is the [Requires] (or [Public]) of the Mediator request the
    /// endpoint sends, found by the endpoint's name ("ListMeetings" sends ListMeetingsQuery, "CreateMeeting"
    /// CreateMeetingCommand). The expectation is declared once, next to the request, where the authorization
    /// behaviour enforces it. Endpoints named otherwise say here which request they send; an endpoint whose request
    /// cannot be found fails the coverage test until it is named here.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, Type> SentRequests = new Dictionary<string, Type>
    {
        ["ImportMeetingFile"] = typeof(ImportMeetingCommand),
        ["AppendStatusEntryWithEvidence"] = typeof(AppendStatusEntryCommand),
        ["ExportCommitmentsXlsx"] = typeof(Application.Commitments.Queries.ExportCommitments.ExportCommitmentsQuery),
        ["GetCalendarFile"] = typeof(ReadCalendarFeedQuery),
        ["ListWebhooks"] = typeof(ListSubscriptionsQuery),
        ["CreateWebhook"] = typeof(CreateSubscriptionCommand),
        ["GetWebhook"] = typeof(GetSubscriptionQuery),
        ["UpdateWebhook"] = typeof(UpdateSubscriptionCommand),
        ["EnableWebhook"] = typeof(EnableSubscriptionCommand),
        ["DisableWebhook"] = typeof(DisableSubscriptionCommand),
        ["DeleteWebhook"] = typeof(DeleteSubscriptionCommand),
        ["ListWebhookDeliveries"] = typeof(ListDeliveriesQuery),
    };

    /// <summary>Endpoints that send no request: the framework serves them, so their need is declared here.</summary>
    private static readonly IReadOnlyDictionary<(string Method, string Pattern), Access?> NoRequest = new Dictionary<(string, string), Access?>
    {
        // The contract is public (ADR 0030).
        [("GET", "/openapi/{documentName}.json")] = null,
    };

    private static IReadOnlyDictionary<(string Method, string Pattern), Access?>? _table;

    /// <summary>The least each endpoint needs (null = public), from the requests' own declarations.</summary>
    private IReadOnlyDictionary<(string Method, string Pattern), Access?> Table => _table ??= BuildTable();

    private Dictionary<(string Method, string Pattern), Access?> BuildTable()
    {
        var requests = typeof(ImportMeetingCommand).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(Mediator.IMessage).IsAssignableFrom(t))
            .ToDictionary(t => t.Name);
        var table = new Dictionary<(string, string), Access?>(NoRequest);
        foreach (var (method, pattern, name) in DiscoverNamedEndpoints().Where(e => !NoRequest.ContainsKey((e.Method, e.Pattern))))
        {
            var request = name is not null && SentRequests.TryGetValue(name, out var named) ? named
                : name is not null && (requests.GetValueOrDefault(name + "Query") ?? requests.GetValueOrDefault(name + "Command")) is { } found ? found
                : null;
            if (request is not null)
            {
                table[(method, pattern)] = Requirements.Of(request);
            }
        }

        return table;
    }

    public static TheoryData<string> Callers => ["anonymous", "revoked key", Roles.Viewer, Roles.Analyst, Roles.Manager, Roles.Administrator, "read key", "write key"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_table_covers_exactly_the_endpoints_the_app_maps()
    {
        var discovered = DiscoverEndpoints();

        discovered.Count.ShouldBeGreaterThan(40, "the endpoint data source should list the whole API");
        var missing = discovered.Except(Table.Keys).Select(e => $"{e.Method} {e.Pattern}").Order().ToList();
        var stale = NoRequest.Keys.Except(discovered).Select(e => $"{e.Method} {e.Pattern}").Order().ToList();
        missing.ShouldBeEmpty("endpoints whose request (and so its [Requires]) cannot be found: name it in SentRequests");
        stale.ShouldBeEmpty("rows for endpoints the app no longer maps");
        SentRequests.Keys.Except(DiscoverNamedEndpoints().Select(e => e.Name).OfType<string>()).ShouldBeEmpty("SentRequests names endpoints the app no longer maps");
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
            // A revoked key is refused with the reason wherever it is sent, even where no credential is needed.
            var expected = caller == "revoked key" ? Outcome.Unauthenticated : Expect(required, allowed);
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
        var extended = CommitmentDraft.From(detail) with { Due = "autumn 2025" };

        var refused = await app.ApiAs(Roles.Analyst).PutJsonAsync(url, extended, etag).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        refused.GetProperty("detail").GetString()!.ShouldContain("manager");
        (await app.Api().GetAsync(url, Ct).ShouldBeJsonAsync<CommitmentDetailDto>()).Version.ShouldBe(detail.Version, "a refused extension changes nothing");

        // The analyst may still revise what does not move the deadline.
        var retitled = await app.ApiAs(Roles.Analyst).PutJsonAsync(url, CommitmentDraft.From(detail) with { Summary = "Revised by an analyst." }, etag).ShouldBeJsonAsync<CommitmentDetailDto>();

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

    private HashSet<(string Method, string Pattern)> DiscoverEndpoints() => [.. DiscoverNamedEndpoints().Select(e => (e.Method, e.Pattern))];

    private List<(string Method, string Pattern, string? Name)> DiscoverNamedEndpoints()
    {
        _ = app.Anonymous(); // starts the host
        var source = app.Services.GetRequiredService<EndpointDataSource>();
        return
        [
            .. source.Endpoints.OfType<RouteEndpoint>()
                .Select(e => (Pattern: Normalize(e.RoutePattern.RawText ?? string.Empty), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [], Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName))
                .Where(e => e.Pattern.StartsWith("/api/v1/", StringComparison.Ordinal) || e.Pattern.StartsWith("/openapi/", StringComparison.Ordinal))
                .SelectMany(e => (e.Methods.Count == 0 ? ["*"] : e.Methods).Select(m => (m, e.Pattern, e.Name))),
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
        "revoked key" => (WithKey(await RevokedKeyAsync()), null),
        "read key" => (WithKey(await KeyAsync(ApiScopes.Read)), Access.Read),
        "write key" => (WithKey(await KeyAsync(ApiScopes.Write)), Access.Write),
        _ => (app.ApiAs(caller), Roles.Grants(caller)),
    };

    private static HttpRequestMessage RequestFor(string method, string pattern)
    {
        var url = pattern
            .Replace("{idOrCode}", pattern.StartsWith("/api/v1/meetings/", StringComparison.Ordinal) ? MeetingCode : CommitmentCode, StringComparison.Ordinal)
            .Replace("{id:guid}", Placeholder, StringComparison.Ordinal)
            .Replace("{fileId:guid}", Placeholder, StringComparison.Ordinal)
            .Replace("{token}", "not-a-feed-token", StringComparison.Ordinal)
            .Replace("/date-change", "/date-change?date=2024-01-01", StringComparison.Ordinal)
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
        else if (pattern.EndsWith("/status-history/with-evidence", StringComparison.Ordinal))
        {
            // A well-formed entry with a well-formed file, so the answer is about who sent it.
            var form = new MultipartFormDataContent { { new StringContent("Captured"), "status" } };
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Minutes: the sides confirmed the trade fair."));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            form.Add(file, "files", "minutes.txt");
            request.Content = form;
        }
        else if (method == "POST" && pattern.EndsWith("/status-history", StringComparison.Ordinal))
        {
            // A well-formed entry (status is required), so the answer is about who sent it.
            request.Content = new StringContent("""{"status":"Captured"}""", Encoding.UTF8, "application/json");
        }
        else if (method is "POST" or "PUT" && pattern.StartsWith("/api/v1/parties", StringComparison.Ordinal))
        {
            // A party's kind is required in JSON too: without it the body is refused before the caller is asked about.
            request.Content = new StringContent("""{"kind":"Region"}""", Encoding.UTF8, "application/json");
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

    private async Task<string> RevokedKeyAsync()
    {
        var created = await app.Api().PostJsonAsync("/api/v1/api-keys", new CreateApiKeyCommand($"Matrix revoked {Guid.NewGuid():N}", [ApiScopes.Read]))
            .ShouldBeJsonAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        (await app.Api().PostAsync($"/api/v1/api-keys/{created.ApiKey.Id}/revoke", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return created.Key;
    }

    private HttpClient WithKey(string key)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add(ApiKeySecret.Header, key);
        return client;
    }

    private static string ETagOf(CommitmentDetailDto c) => $"\"{c.Version}\"";
}

public sealed class SqliteAuthorizationMatrixTests(SqliteAppFactory app) : AuthorizationMatrixTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlAuthorizationMatrixTests(PostgreSqlAppFactory app) : AuthorizationMatrixTests(app), IClassFixture<PostgreSqlAppFactory>;
