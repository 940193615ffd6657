using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Hardening;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Pages;

/// <summary>
/// What a page says in the HTML served before its circuit starts (the first second at a million commitments): it may
/// not have its data yet, but it must not claim an answer it has not read (issue 13, item 10).
/// </summary>
public sealed class FirstResponseTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_commitments_grid_says_it_is_loading_not_that_nothing_matches()
    {
        var browser = await app.SignedInAsync(Roles.Viewer);

        var page = await browser.GetStringAsync("/commitments", Ct);

        page.ShouldContain("Loading…");
        page.ShouldNotContain("No commitment matches these filters");
        page.ShouldNotContain("0-0 of 0");
    }
}
