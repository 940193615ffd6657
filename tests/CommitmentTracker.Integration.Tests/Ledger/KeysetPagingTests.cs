using System.Net;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Ledger;

/// <summary>
/// Reading on with after= (decision 0023) gives exactly the rows offset pages give, in the same order, with no row
/// twice and none left out, for every sort it follows; what it cannot follow is refused with a reason.
/// </summary>
public abstract class KeysetPagingTests(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("&sort=-code")]
    [InlineData("&sort=due")]
    [InlineData("&sort=-due")]
    [InlineData("&status=Captured&sort=due")]
    public async Task Pages_read_with_after_are_the_offset_pages(string filter)
    {
        var client = app.Api();
        var everything = await client.GetAsync($"/api/v1/commitments?pageSize=200{filter}", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        everything.Items.Count.ShouldBeGreaterThan(10);
        everything.TotalIsEstimate.ShouldBeFalse();

        var read = new List<string>();
        string? after = null;
        do
        {
            var page = await client.GetAsync($"/api/v1/commitments?pageSize=4{filter}{(after is null ? string.Empty : $"&after={after}")}", Ct)
                .ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
            read.AddRange(page.Items.Select(c => c.Code));
            page.TotalCount.ShouldBe(everything.TotalCount);
            after = page.Next;
        }
        while (after is not null);

        read.ShouldBe([.. everything.Items.Select(c => c.Code)]);
    }

    [Fact]
    public async Task The_overdue_list_read_with_after_is_the_overdue_list()
    {
        var client = app.Api();
        var everything = await client.GetAsync("/api/v1/overdue?asOf=2035-01-01&pageSize=200", Ct).ShouldBeJsonAsync<PagedResult<OverdueItemDto>>();
        everything.Items.Count.ShouldBeGreaterThan(1);

        var read = new List<string>();
        string? after = null;
        do
        {
            var page = await client.GetAsync($"/api/v1/overdue?asOf=2035-01-01&pageSize=1{(after is null ? string.Empty : $"&after={after}")}", Ct)
                .ShouldBeJsonAsync<PagedResult<OverdueItemDto>>();
            read.AddRange(page.Items.Select(c => c.Code));
            after = page.Next;
        }
        while (after is not null);

        read.ShouldBe([.. everything.Items.Select(c => c.Code)]);
    }

    [Theory]
    [InlineData("/api/v1/commitments?after=NSK-2023-001&sort=title", "sort", "after")]
    [InlineData("/api/v1/commitments?after=NSK-2023-001&page=2", "page", "after")]
    [InlineData("/api/v1/commitments?after=NO-SUCH-CODE", "after", "NO-SUCH-CODE")]
    [InlineData("/api/v1/overdue?after=NO-SUCH-CODE", "after", "NO-SUCH-CODE")]
    public async Task An_after_that_cannot_be_followed_is_a_400_saying_why(string url, string field, string words)
    {
        (await app.Api().GetAsync(url, Ct).ShouldBeInvalidAsync(field))[0].ShouldContain(words);
    }

    [Fact]
    public async Task An_offset_page_within_the_bound_still_works()
    {
        var page = await app.Api().GetAsync("/api/v1/commitments?page=2&pageSize=5", Ct).ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();
        page.Items.Count.ShouldBe(5);
        page.Page.ShouldBe(2);
        page.Next.ShouldBe(page.Items[^1].Code);
        (await app.Api().GetAsync("/api/v1/commitments?page=2&pageSize=5", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class SqliteKeysetPagingTests(SqliteAppFactory app) : KeysetPagingTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlKeysetPagingTests(PostgreSqlAppFactory app) : KeysetPagingTests(app), IClassFixture<PostgreSqlAppFactory>;
