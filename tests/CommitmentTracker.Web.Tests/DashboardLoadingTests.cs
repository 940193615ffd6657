using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// Issue 13, item 10: while another day is counted the dashboard shows no figures, says which day it is counting,
/// and every figure shown carries the day it was counted for; an answer for a day no longer chosen is never shown.
/// </summary>
public sealed class DashboardLoadingTests : MudTestContext
{
    private static readonly DateOnly June = new(2024, 6, 1);
    private static readonly DateOnly July = new(2024, 7, 1);
    private static readonly DateOnly August = new(2024, 8, 1);

    private readonly FakeSender _sender = new();
    private readonly Dictionary<DateOnly, TaskCompletionSource<SummaryDto>> _summaries = [];

    public DashboardLoadingTests()
    {
        UseScopedSender(_sender).SetAuthorized("manager");
        _sender.Handler = async message => message switch
        {
            GetSummaryQuery q => await Pending(q.AsOf!.Value).Task,
            _ => DashboardLookups(message),
        };
    }

    [Fact]
    public void While_a_new_day_is_counted_the_old_figures_are_gone_and_the_day_being_counted_is_named()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo($"/?asOf={June:yyyy-MM-dd}");
        Pending(June).SetResult(Summary(June, overdue: 1));
        var cut = Render<Dashboard>();
        cut.WaitForAssertion(() => cut.Find("[data-as-of]").GetAttribute("data-as-of").ShouldBe("2024-06-01"));
        cut.Find("[data-figure=\"Overdue\"]").TextContent.ShouldBe("1");

        navigation.NavigateTo($"/?asOf={July:yyyy-MM-dd}");

        cut.WaitForAssertion(() => cut.Find("[data-loading-as-of]").GetAttribute("data-loading-as-of").ShouldBe("2024-07-01"));
        cut.FindAll("[data-figure]").ShouldBeEmpty("June's figures must not stay on screen while July is counted");
        cut.FindAll("[data-as-of]").ShouldBeEmpty();

        // August is chosen before July's answer arrives: July's late answer is dropped, August's is shown.
        navigation.NavigateTo($"/?asOf={August:yyyy-MM-dd}");
        cut.WaitForAssertion(() => cut.Find("[data-loading-as-of]").GetAttribute("data-loading-as-of").ShouldBe("2024-08-01"));
        cut.InvokeAsync(() => Pending(July).SetResult(Summary(July, overdue: 7)));
        cut.FindAll("[data-figure]").ShouldBeEmpty("July's answer came after August was chosen");
        cut.InvokeAsync(() => Pending(August).SetResult(Summary(August, overdue: 3)));
        cut.WaitForAssertion(() => cut.Find("[data-as-of]").GetAttribute("data-as-of").ShouldBe("2024-08-01"));
        cut.Find("[data-figure=\"Overdue\"]").TextContent.ShouldBe("3");
    }

    private TaskCompletionSource<SummaryDto> Pending(DateOnly day)
    {
        if (!_summaries.TryGetValue(day, out var pending))
        {
            _summaries[day] = pending = new TaskCompletionSource<SummaryDto>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return pending;
    }

    private static SummaryDto Summary(DateOnly day, int overdue) => new(day, 10, 8, overdue, 0, 0, 0, [], [], [], []);
}
