using System.Security.Claims;
using Bunit.TestDoubles;
using CommitmentTracker.Application.Accounts.Users.ListPeople;
using CommitmentTracker.Application.Changes.Queries.GetChangeHead;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetStatusTrend;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Application.Commitments.Queries.ListTargets;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Application.Meetings.Queries.ListMeetings;
using CommitmentTracker.Application.Parties;
using CommitmentTracker.Application.Parties.Queries.ListParties;
using CommitmentTracker.Web.Services;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CommitmentTracker.Web.Tests;

/// <summary>A bUnit context with MudBlazor's services; MudBlazor calls JavaScript freely, so interop is loose.</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        // MudBlazor's autocomplete answers typing after a debounce timer; on a loaded CI machine (two cores, the browser
        // tests beside) the timer, the search and the popover's render took longer than bUnit's one second once. A wait
        // ends as soon as its assertion passes, so a longer limit costs nothing when the page is right.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();

        // The status form reads the evidence limits (IOptions<EvidenceOptions>): their defaults, as the Application sets them.
        Services.AddOptions();

        // Pages that tell today from another day read the clock the Application registers.
        Services.AddSingleton(TimeProvider.System);
    }

    /// <summary>
    /// What a list page reads beside its rows, its pick-lists (parties, meetings, people) and the change feed's head,
    /// answered empty and unmoved; null for any other message, which the test answers itself.
    /// </summary>
    protected static object? ListPageLookups(object message) => message switch
    {
        ListPartiesQuery => new List<PartyDto>(),
        ListMeetingsQuery => new PagedResult<MeetingSummaryDto>([], 1, 200, 0),
        ListPeopleQuery => new List<string>(),
        GetChangeHeadQuery => new ChangeHead("0000000000000001"),
        _ => null,
    };

    /// <summary>
    /// What the dashboard reads beside its figures (the most overdue, the targets, the trend, the change feed's head),
    /// answered empty and unmoved; any other message is refused by name, so a test answers the figures itself.
    /// </summary>
    protected static object DashboardLookups(object message) => message switch
    {
        ListOverdueQuery => new PagedResult<OverdueItemDto>([], 1, 5, 0),
        ListTargetsQuery => new List<TargetSummaryDto>(),
        GetStatusTrendQuery => new List<StatusTrendPoint>(),
        GetChangeHeadQuery => new ChangeHead("0000000000000001"),
        _ => throw new InvalidOperationException(message.GetType().Name),
    };

    /// <summary>
    /// The real ScopedSender over the container's scope factory, each scope sending through <paramref name="sender"/>
    /// and acting for the signed-in test person (set up with the returned authorization context).
    /// </summary>
    protected BunitAuthorizationContext UseScopedSender(ISender sender, Action? onScope = null)
    {
        Services.AddScoped(_ =>
        {
            onScope?.Invoke();
            return sender;
        });
        Services.AddSingleton(Actors);
        Services.AddScoped<ICurrentActor, RecordedActor>();
        Services.AddSingleton(sp => new ScopedSender(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<AuthenticationStateProvider>()));
        return AddAuthorization();
    }

    /// <summary>
    /// What this test's scopes acted as. It belongs to the test context, never to a static, because xUnit runs
    /// test classes in parallel and a shared record let one class read another's user.
    /// </summary>
    protected ActorLog Actors { get; } = new();

    protected sealed class ActorLog
    {
        public ClaimsPrincipal? Last { get; set; }
    }

    /// <summary>The actor of one scope, recorded in the test's own <see cref="ActorLog"/>, as the ScopedSender set it.</summary>
    private sealed class RecordedActor(ActorLog log) : ICurrentActor
    {
        public ClaimsPrincipal Principal => log.Last ?? new ClaimsPrincipal();

        public void ActAs(ClaimsPrincipal principal) => log.Last = principal;
    }
}
