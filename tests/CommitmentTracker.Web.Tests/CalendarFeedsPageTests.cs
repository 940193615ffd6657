using System.Security.Claims;
using Bunit.TestDoubles;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.ApiKeys;
using CommitmentTracker.Application.Accounts.ApiKeys.ListApiKeys;
using CommitmentTracker.Application.Accounts.Users.ListUsers;
using CommitmentTracker.Application.CalendarFeeds.Common;
using CommitmentTracker.Application.CalendarFeeds.Queries.ListCalendarFeeds;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Web.Components.Pages;
using MudBlazor;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// Issue 14: administrators see and revoke anyone's calendar feeds, in the web app as over the API
/// (GET /calendar-feeds?everyone=true). Before, the page listed only one's own feeds, so an administrator could not
/// find, let alone stop, a feed another person or a key had made.
/// </summary>
public class CalendarFeedsPageTests : MudTestContext
{
    private const string AdminId = "8f0a7c90-admin";
    private const string AnaId = "5fbd778c-ana";
    private static readonly Guid KeyId = Guid.Parse("01a23582-d17d-75ee-a59c-f217b4a4ad87");

    private readonly FakeSender _sender = new();
    private readonly BunitAuthorizationContext _authorization;
    private readonly List<CalendarFeedDto> _feeds =
    [
        Feed("My feed", AdminId),
        Feed("Ana's feed", AnaId),
        Feed("Reporting feed", $"key:{KeyId}"),
    ];

    public CalendarFeedsPageTests()
    {
        _authorization = UseScopedSender(_sender);
        _sender.Handler = message => Task.FromResult<object?>(message switch
        {
            ListCalendarFeedsQuery { Everyone: true } => _feeds.ToList(),
            ListCalendarFeedsQuery => _feeds.Where(f => f.Owner == AdminId).ToList(),
            ListUsersQuery => new List<UserDto> { new(AdminId, "admin", Roles.Administrator, false, null), new(AnaId, "ana", Roles.Analyst, false, null) },
            ListApiKeysQuery => new List<ApiKeyDto> { new(KeyId, "reporting", "admin", "fd0b5060", ["read"], DateTimeOffset.UnixEpoch, null, null, null, null, ApiKeyState.Active) },
            _ => throw new InvalidOperationException(message.GetType().Name),
        });
    }

    [Fact]
    public void An_administrator_switches_to_everyones_feeds_and_sees_whose_each_is()
    {
        SignIn(AdminId, "admin", Roles.Administrator);
        var cut = Render<CalendarFeeds>();
        cut.FindAll("tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain("My feed");

        cut.FindComponent<MudSwitch<bool>>().Find("input").Change(true);

        _sender.Sent.OfType<ListCalendarFeedsQuery>().Last().Everyone.ShouldBeTrue();
        var rows = cut.FindAll("tbody tr");
        rows.Count.ShouldBe(3);
        rows[1].TextContent.ShouldContain("Ana's feed");
        rows[1].TextContent.ShouldContain("ana");
        rows[2].TextContent.ShouldContain("key: reporting (admin)");

        // Revoke for every feed; a new address only for one's own (the Application refuses it for others' too).
        rows[0].QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldBe(["New address", "Revoke"]);
        rows[1].QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldBe(["Revoke"]);
        rows[2].QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldBe(["Revoke"]);
    }

    [Fact]
    public void Anyone_else_sees_only_their_own_feeds_and_no_switch()
    {
        SignIn(AnaId, "ana", Roles.Analyst);
        _sender.Handler = message => Task.FromResult<object?>(message switch
        {
            ListCalendarFeedsQuery { Everyone: false } => _feeds.Where(f => f.Owner == AnaId).ToList(),
            _ => throw new InvalidOperationException($"{message} is not for an analyst"),
        });

        var cut = Render<CalendarFeeds>();

        cut.FindComponents<MudSwitch<bool>>().ShouldBeEmpty();
        cut.FindAll("tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain("Ana's feed");
        cut.Find("tbody tr").QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldBe(["New address", "Revoke"]);
    }

    private void SignIn(string id, string name, string role) =>
        _authorization.SetAuthorized(name).SetRoles(role).SetClaims(new Claim(ClaimTypes.NameIdentifier, id));

    private static CalendarFeedDto Feed(string name, string owner) =>
        new(Guid.NewGuid(), name, new CommitmentFilter(), owner, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);
}
