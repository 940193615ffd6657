using System.Globalization;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// Decision 0148: a dashboard figure links to a list only where that list adds up to it. The grid shows the ledger as
/// it is now, so only today's figures open it; on another day only the overdue figure, whose list takes the day, does.
/// </summary>
public sealed class DashboardLinksTests : MudTestContext
{
    private static readonly DateOnly PastDay = new(2024, 6, 1);

    // A fixed clock: today is the same day for the page and the test, even across midnight.
    private static readonly DateOnly Today = new(2026, 12, 7);

    private readonly FakeSender _sender = new();

    public DashboardLinksTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Today, new TimeOnly(12, 0), TimeSpan.Zero)));
        UseScopedSender(_sender).SetAuthorized("manager");
        _sender.Handler = message => Task.FromResult<object?>(message switch
        {
            GetSummaryQuery q => Summary(q.AsOf ?? Today),
            _ => DashboardLookups(message),
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Todays_figures_open_the_lists_they_count(bool todayPicked)
    {
        if (todayPicked)
        {
            // Today chosen in the picker is still today: the grid adds up to its figures.
            Services.GetRequiredService<NavigationManager>().NavigateTo($"/?asOf={Today:yyyy-MM-dd}");
        }

        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => cut.Find("[data-as-of]").GetAttribute("data-as-of").ShouldBe(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        Links(cut).ShouldContain(("Commitments", "/commitments"));
        Links(cut).ShouldContain(("Overdue", "/overdue"));
        Links(cut).ShouldContain(("Fulfilled", "/commitments?status=Fulfilled"));
        Links(cut).ShouldContain(("Cooperation", "/commitments?kind=Cooperation"));
        Links(cut).ShouldContain(("Novosibirsk Oblast", "/commitments?party=NSK"));
        Links(cut).Select(l => l.Label).ShouldContain("Due in 30 days");
        cut.FindAll("[data-links-today-only]").ShouldBeEmpty();
    }

    [Fact]
    public void A_past_days_figures_open_no_list_but_the_overdue_list_of_that_day_and_say_why()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?asOf={PastDay:yyyy-MM-dd}");
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => cut.Find("[data-as-of]").GetAttribute("data-as-of").ShouldBe("2024-06-01"));

        Links(cut).ShouldBe([("Overdue", "/overdue?asOf=2024-06-01")]);
        cut.Find("[data-figure=\"Commitments\"]").TextContent.ShouldBe("10", "the figures are still shown, only not as links");
        cut.Find("[data-count-item=\"Fulfilled\"]").TextContent.ShouldContain("2");
        cut.Find("[data-links-today-only]").TextContent.ShouldContain("only the overdue figure opens its list");
    }

    // The figures' and breakdowns' links (not the navigation menu's or a commitment's own page).
    private static List<(string Label, string Href)> Links(Bunit.IRenderedComponent<Dashboard> cut) =>
        [.. cut.FindAll(".figure-card a, [data-count-item] a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href") ?? ""))];

    private static SummaryDto Summary(DateOnly day) => new(
        day, 10, 8, 1, 2, 3, 1,
        [new CountByStatus(LifecycleStatus.Captured, 8), new CountByStatus(LifecycleStatus.Fulfilled, 2)],
        [new CountByKind(CommitmentKind.Cooperation, 10)],
        [new CountByParty("NSK", "Novosibirsk Oblast", 10)],
        [new CountByParty("NSK", "Novosibirsk Oblast", 10)]);
}
