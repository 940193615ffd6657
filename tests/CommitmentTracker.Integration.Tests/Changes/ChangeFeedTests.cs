using System.Collections.Concurrent;
using System.Net;
using CommitmentTracker.Application.Changes.Queries.ListChanges;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Audit;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Changes;

/// <summary>
/// The change feed: commit order, exactly once per polling consumer, also while writers run concurrently. Runs on
/// both providers, because each guarantees commit order differently (SQLite: one writer; SQL Server: rowversion
/// below MIN_ACTIVE_ROWVERSION).
/// </summary>
public abstract class ChangeFeedTests(AppFactory app)
{
    private const string Feed = "/api/v1/changes";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_through_the_seeded_ledger_in_order_without_overlap()
    {
        var client = app.ApiAs(Roles.Viewer);
        var first = await client.GetAsync($"{Feed}?limit=10", Ct).ShouldBeJsonAsync<ChangePage>();
        var second = await client.GetAsync($"{Feed}?after={first.Next}&limit=10", Ct).ShouldBeJsonAsync<ChangePage>();

        first.Changes.Count.ShouldBe(10);
        first.HasMore.ShouldBeTrue();
        first.Next.ShouldBe(first.Changes[^1].Cursor);
        var cursors = first.Changes.Concat(second.Changes).Select(c => c.Cursor).ToList();
        cursors.ShouldBe(cursors.Order(StringComparer.Ordinal).ToList());
        cursors.Distinct().Count().ShouldBe(cursors.Count);

        var all = await DrainAsync(client, null);
        var seeded = await client.GetAsync("/api/v1/commitments?pageSize=1", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        all.Count(c => c.Entity == "commitment" && c.Operation == AuditOperation.Created).ShouldBe(seeded.TotalCount);
        all.Count(c => c.Entity == "meeting" && c.Operation == AuditOperation.Created).ShouldBe(2);
        all.Select(c => c.Entity).Distinct().Order().ShouldBe(["commitment", "meeting", "statusEntry"]);
    }

    [Fact]
    public async Task A_status_entry_appears_once_with_who_made_it_and_a_link_to_the_current_state()
    {
        var client = app.Api();
        var tail = (await DrainPageAsync(client, null)).Next;

        var entry = await client.PostJsonAsync("/api/v1/commitments/NSK-2023-003/status-history", new { status = "Captured", confidence = "Amber", rationale = "Checked with the ministry." })
            .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
        var page = await client.GetAsync($"{Feed}?after={tail}", Ct).ShouldBeJsonAsync<ChangePage>();
        var again = await client.GetAsync($"{Feed}?after={page.Next}", Ct).ShouldBeJsonAsync<ChangePage>();

        var appended = page.Changes.Where(c => c.Entity == "statusEntry").ShouldHaveSingleItem();
        appended.Operation.ShouldBe(AuditOperation.Created);
        appended.Actor.ShouldBe(TestUsers.NameFor(Roles.Administrator));
        appended.Changes.ShouldContain(f => f.Field == "Rationale" && f.New == "Checked with the ministry.");
        page.Changes.ShouldContain(c => c.Entity == "commitment" && c.Key == "NSK-2023-003" && c.Operation == AuditOperation.Updated);
        (await client.GetAsync($"/api/v1/{appended.Href}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/{page.Changes.First(c => c.Entity == "commitment").Href}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        again.Changes.ShouldBeEmpty();
        again.Next.ShouldBe(page.Next);
        again.HasMore.ShouldBeFalse();
        entry.Author.ShouldBe(TestUsers.NameFor(Roles.Administrator));
    }

    [Fact]
    public async Task Concurrent_writers_are_each_seen_exactly_once_in_commit_order()
    {
        var client = app.Api();
        var tail = (await DrainPageAsync(client, null)).Next;
        string[] targets = ["KRD-2023-001", "KRD-2023-002", "KRD-2023-003", "NSK-2023-001", "NSK-2023-002", "NSK-2023-004"];
        const int appendsEach = 8;

        var appended = new ConcurrentBag<string>();
        var seen = new List<ChangeDto>();
        using var writersDone = new CancellationTokenSource();
        var cursor = tail;

        // A consumer polling small pages while the writers commit.
        var consumer = Task.Run(async () =>
        {
            using var reader = app.ApiAs(Roles.Viewer);
            while (true)
            {
                var finished = writersDone.IsCancellationRequested;
                var page = await reader.GetAsync($"{Feed}?after={cursor}&limit=7", Ct).ShouldBeJsonAsync<ChangePage>();
                seen.AddRange(page.Changes);
                cursor = page.Next;
                if (finished && !page.HasMore)
                {
                    return;
                }
            }
        }, Ct);

        await Task.WhenAll(targets.Select(code => Task.Run(async () =>
        {
            using var writer = app.Api();
            for (var i = 0; i < appendsEach; i++)
            {
                var entry = await writer.PostJsonAsync($"/api/v1/commitments/{code}/status-history", new { status = await CurrentStatusAsync(writer, code), rationale = $"Assessment {i} by writer {code}" })
                    .ShouldBeJsonAsync<StatusEntryDto>(HttpStatusCode.Created);
                appended.Add(entry.Rationale!);
            }
        }, Ct)));
        await writersDone.CancelAsync();
        await consumer;

        var entries = seen.Where(c => c.Entity == "statusEntry").Select(c => c.Changes.Single(f => f.Field == "Rationale").New).ToList();
        entries.Count.ShouldBe(targets.Length * appendsEach);
        entries.ShouldBe(appended.ToList(), ignoreOrder: true);
        var cursors = seen.Select(c => c.Cursor).ToList();
        cursors.ShouldBe(cursors.Order(StringComparer.Ordinal).ToList(), "changes must come in commit order");
        cursors.Distinct().Count().ShouldBe(cursors.Count, "no change may be returned twice");
    }

    [Theory]
    [InlineData("after=nonsense", "after")]
    [InlineData("after=-000000000000001", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    public async Task Bad_cursors_and_limits_are_refused_on_their_parameter(string query, string field) =>
        await app.Api().GetAsync($"{Feed}?{query}", Ct).ShouldBeInvalidAsync(field);

    // A value the binder cannot read says what to send: a whole number (found walking the API with curl).
    [Fact]
    public async Task A_limit_that_is_no_number_says_a_whole_number_is_wanted()
    {
        var messages = await app.Api().GetAsync($"{Feed}?limit=abc", Ct).ShouldBeInvalidAsync("limit");

        messages.ShouldBe(["'abc' is not valid: limit must be a whole number."]);
    }

    private static async Task<string> CurrentStatusAsync(HttpClient client, string code) =>
        (await client.GetAsync($"/api/v1/commitments/{code}", Ct).ShouldBeJsonAsync<CommitmentDetailDto>()).Status.ToString();

    private static async Task<List<ChangeDto>> DrainAsync(HttpClient client, string? after)
    {
        var all = new List<ChangeDto>();
        while (true)
        {
            var page = await client.GetAsync($"{Feed}?limit=1000{(after is null ? "" : $"&after={after}")}", Ct).ShouldBeJsonAsync<ChangePage>();
            all.AddRange(page.Changes);
            after = page.Next;
            if (!page.HasMore)
            {
                return all;
            }
        }
    }

    private static async Task<ChangePage> DrainPageAsync(HttpClient client, string? after)
    {
        while (true)
        {
            var page = await client.GetAsync($"{Feed}?limit=1000{(after is null ? "" : $"&after={after}")}", Ct).ShouldBeJsonAsync<ChangePage>();
            if (!page.HasMore)
            {
                return page;
            }

            after = page.Next;
        }
    }
}

public sealed class SqliteChangeFeedTests(SqliteAppFactory app) : ChangeFeedTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SqlServerChangeFeedTests(SqlServerAppFactory app) : ChangeFeedTests(app), IClassFixture<SqlServerAppFactory>;

public sealed class PostgreSqlChangeFeedTests(PostgreSqlAppFactory app) : ChangeFeedTests(app), IClassFixture<PostgreSqlAppFactory>;
