using System.Net;
using CommitmentTracker.Api.Endpoints;
using CommitmentTracker.Application.Accounts.ApiKeys;
using CommitmentTracker.Application.CalendarFeeds.Commands.CreateCalendarFeed;
using CommitmentTracker.Application.CalendarFeeds.Common;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Hardening;

/// <summary>
/// Issue 14, item 6: a calendar feed is a standing read, so it stops when the key that made it is revoked or the
/// person who made it can no longer sign in; administrators see everyone's feeds and can revoke any of them.
/// </summary>
public sealed class CalendarFeedOwnerTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_feed_made_with_a_key_stops_when_the_key_is_revoked()
    {
        var key = await app.NewKeyAsync(ApiScopes.Read);
        var subscription = await CreateFeedAsync(app.WithKey(key.Key));
        (await FetchAsync(subscription)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.Api().PostAsync($"/api/v1/api-keys/{key.ApiKey.Id}/revoke", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await FetchAsync(subscription)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_feed_made_by_a_person_stops_while_the_account_is_locked()
    {
        var userName = await app.NewUserAsync(Roles.Viewer);
        var browser = app.Anonymous();
        AccountForms.SetsAuthCookie(await AccountForms.SignInAsync(browser, userName, People.Password)).ShouldBeTrue();
        browser.DefaultRequestHeaders.Add(People.CsrfHeader, "1");
        var subscription = await CreateFeedAsync(browser);
        (await FetchAsync(subscription)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await SetLockoutEndAsync(userName, DateTimeOffset.UtcNow.AddYears(100));
        await (await FetchAsync(subscription)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await SetLockoutEndAsync(userName, null);
        (await FetchAsync(subscription)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_administrator_sees_everyones_feeds_and_revokes_another_persons()
    {
        var viewer = await app.SignedInAsync(Roles.Viewer, csrfHeader: true);
        var subscription = await CreateFeedAsync(viewer);

        await app.ApiAs(Roles.Manager).GetAsync("/api/v1/calendar-feeds?everyone=true", Ct).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await app.Api().GetAsync("/api/v1/calendar-feeds", Ct).ShouldBeJsonAsync<List<CalendarFeedDto>>())
            .ShouldNotContain(f => f.Id == subscription.Feed.Id, "without everyone=true an administrator lists their own");
        var everyone = await app.Api().GetAsync("/api/v1/calendar-feeds?everyone=true", Ct).ShouldBeJsonAsync<List<CalendarFeedDto>>();
        everyone.Single(f => f.Id == subscription.Feed.Id).Owner.ShouldBe(subscription.Feed.Owner);

        // Another person (not an administrator) still cannot find it.
        await app.ApiAs(Roles.Manager).PostAsync($"/api/v1/calendar-feeds/{subscription.Feed.Id}/revoke", null, Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Nor may an administrator take over its address.
        await app.Api().PostAsync($"/api/v1/calendar-feeds/{subscription.Feed.Id}/rotate", null, Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var revoked = await app.Api().PostAsync($"/api/v1/calendar-feeds/{subscription.Feed.Id}/revoke", null, Ct).ShouldBeJsonAsync<CalendarFeedDto>();
        revoked.IsRevoked.ShouldBeTrue();
        await (await FetchAsync(subscription)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<CalendarFeedSubscription> CreateFeedAsync(HttpClient client) =>
        await client.PostJsonAsync("/api/v1/calendar-feeds", new CreateCalendarFeedCommand($"Feed {Guid.NewGuid():N}", new CommitmentFilter { Meeting = "NSK-2023" }))
            .ShouldBeJsonAsync<CalendarFeedSubscription>(HttpStatusCode.Created);

    private async Task<HttpResponseMessage> FetchAsync(CalendarFeedSubscription subscription)
    {
        var calendarApp = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return await calendarApp.GetAsync(subscription.Url.PathAndQuery, Ct);
    }

    private async Task SetLockoutEndAsync(string userName, DateTimeOffset? end)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = (await users.FindByNameAsync(userName)).ShouldNotBeNull();
        (await users.SetLockoutEndDateAsync(user, end)).Succeeded.ShouldBeTrue();
    }
}
