using System.Text.Json;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Hardening;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Pages;

/// <summary>
/// What a page says in the HTML served before its circuit starts (the first second at a million commitments): the
/// commitments grid already shows the page the address names, read as the API reads it (issue 16: the page in a
/// browser at a million), and never claims an answer it has not read (issue 13, item 10).
/// </summary>
public sealed class FirstResponseTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("", "?pageSize=25")]
    [InlineData("?sort=-code&page=2&size=10", "?sort=-code&page=2&pageSize=10")]
    [InlineData("?status=Captured&sort=due", "?status=Captured&sort=due&pageSize=25")]
    public async Task The_commitments_grid_serves_the_page_its_address_names_in_the_first_response(string address, string apiQuery)
    {
        var browser = await app.SignedInAsync(Roles.Viewer);
        using var expected = JsonDocument.Parse(await browser.GetStringAsync($"/api/v1/commitments{apiQuery}", Ct));
        var codes = expected.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
        var total = expected.RootElement.GetProperty("totalCount").GetInt32();
        var page = await browser.GetStringAsync($"/commitments{address}", Ct);

        codes.ShouldNotBeEmpty();
        var positions = codes.Select(code => page.IndexOf($"href=\"/commitments/{code}\"", StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(at => at >= 0, "every row of the page is in the first response");
        positions.ShouldBe(positions.Order().ToList(), "in the API's order");
        var first = address.Contains("page=2", StringComparison.Ordinal) ? 11 : 1;
        page.ShouldContain($"{first}-{first + codes.Count - 1} of {total}");
        page.ShouldNotContain("Loading…");
        page.ShouldNotContain("No commitment matches these filters");
    }

    [Fact]
    public async Task A_view_that_matches_nothing_says_so_in_the_first_response()
    {
        var browser = await app.SignedInAsync(Roles.Viewer);

        var page = await browser.GetStringAsync("/commitments?q=zzzqqqxxx", Ct);

        page.ShouldContain("No commitment matches these filters");
        page.ShouldNotContain("Loading…");
    }
}
