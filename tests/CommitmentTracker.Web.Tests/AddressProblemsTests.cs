using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetStatusTrend;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Application.Commitments.Queries.ListTargets;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Web.Components.Pages;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// An address typed, pasted, edited or bookmarked is read for what it can say: a page shows what it could use and names
/// the rest in the API's words, and never the error page ("dueFrom=notaday", "page=abc", "overdue=maybe", a page past
/// the deepest offset and a search longer than the list takes each showed "Something went wrong" on the grid). And a
/// count the list only bounds is said as "more than", never as the bound plus one.
/// </summary>
public sealed class AddressProblemsTests : MudTestContext
{
    private readonly FakeSender _sender = new();
    private Func<ListCommitmentsQuery, object> _list = q => new PagedResult<CommitmentSummaryDto>(
        [new CommitmentSummaryDto { Code = "MTG-1", Title = "Title of MTG-1", MeetingCode = "MTG", Version = 1 }], q.Page, q.PageSize, 1);

    private PagedResult<OverdueItemDto> _overdue = new([], 1, 5, 0);

    public AddressProblemsTests()
    {
        UseScopedSender(_sender).SetAuthorized("analyst").SetRoles(Roles.Analyst);
        _sender.Handler = message => Task.FromResult<object?>(message switch
        {
            ListCommitmentsQuery q => _list(q),
            GetSummaryQuery q => new SummaryDto(q.AsOf ?? new DateOnly(2026, 12, 7), 10, 8, 1, 0, 0, 0, [], [], [], []),
            ListOverdueQuery => _overdue,
            ListTargetsQuery => new List<TargetSummaryDto>(),
            GetStatusTrendQuery => new List<StatusTrendPoint>(),
            _ => ListPageLookups(message) ?? throw new InvalidOperationException(message.GetType().Name),
        });
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void The_grid_lists_what_the_address_names_and_says_what_it_did_not_use()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/commitments?status=Stalled&status=Nope&dueFrom=notaday&page=abc");

        var cut = Render<Commitments>();

        cut.WaitForAssertion(() => cut.Find("[aria-label=\"Select MTG-1\"]"));
        var alert = cut.Find("[data-testid=\"address-problems\"]").TextContent;
        alert.ShouldContain("'Nope' is not a status");
        alert.ShouldContain("dueFrom must be a day written yyyy-MM-dd, not 'notaday'.");
        alert.ShouldContain("page must be a page number from 1, not 'abc'.");
        var asked = _sender.Sent.OfType<ListCommitmentsQuery>().Last();
        asked.Filter.Status.ShouldBe([LifecycleStatus.Stalled]);
        (asked.Filter.DueFrom, asked.Page).ShouldBe((null, 1));
    }

    [Fact]
    public void A_page_the_list_refuses_is_named_instead_of_the_error_page()
    {
        _list = _ => throw new ValidationException([new ValidationFailure("Page", "'Page' reaches past the first 10,000 rows; read further with after=<code of the last item> instead of a page number.")]);

        var cut = Render<Commitments>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=\"load-problem\"]").TextContent.ShouldContain("reaches past the first 10,000 rows"));
        cut.Markup.ShouldContain("No commitment matches these filters.");
    }

    [Fact]
    public void The_pagers_last_page_of_a_long_list_is_the_deepest_page_a_number_reaches_and_says_so()
    {
        _list = q => new PagedResult<CommitmentSummaryDto>(
            [new CommitmentSummaryDto { Code = $"MTG-{q.Page}", Title = "Title", MeetingCode = "MTG", Version = 1 }], q.Page, q.PageSize, 1_000_023);
        var cut = Render<Commitments>();
        cut.WaitForAssertion(() => cut.Find("[aria-label=\"Select MTG-1\"]"));

        cut.Find("button[aria-label=\"Last page\"]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=\"load-problem\"]").TextContent
            .ShouldBe("Page 40,001 starts past the first 10,000 rows a page number reaches; this is page 400. Narrow the filters to see further."));
        _sender.Sent.OfType<ListCommitmentsQuery>().Last().Page.ShouldBe(400);
        _sender.Sent.OfType<ListCommitmentsQuery>().ShouldAllBe(q => q.Page <= 400);
    }

    [Fact]
    public void A_total_the_list_only_bounds_is_more_than_ten_thousand_on_the_grid_and_the_overdue_review()
    {
        _list = q => new PagedResult<CommitmentSummaryDto>(
            [new CommitmentSummaryDto { Code = "MTG-1", Title = "Title", MeetingCode = "MTG", Version = 1 }], q.Page, q.PageSize, 10_001)
        { TotalIsEstimate = true };
        _overdue = new PagedResult<OverdueItemDto>([], 1, 25, 10_001) { TotalIsEstimate = true };

        var grid = Render<Commitments>();
        var review = Render<Overdue>();

        grid.WaitForAssertion(() => string.Join(" ", grid.FindAll(".mud-table-pagination-caption").Select(c => c.TextContent)).ShouldContain("1-25 of more than 10,000"));
        review.WaitForAssertion(() => review.Find("[data-testid=\"overdue-count\"]").TextContent.ShouldBe("More than 10,000 overdue"));
    }

    [Fact]
    public void The_dashboard_names_a_day_in_the_address_that_is_not_a_date_and_counts_today()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?asOf=notaday");

        var cut = Render<Dashboard>();

        cut.WaitForAssertion(() => cut.Find("[data-as-of]").GetAttribute("data-as-of").ShouldBe("2026-12-07"));
        cut.Find("[data-testid=\"as-of-problem\"]").TextContent.ShouldBe("'notaday' is not valid: asOf must be a date (yyyy-MM-dd). The figures are as of today.");
        _sender.Sent.OfType<GetSummaryQuery>().ShouldAllBe(q => q.AsOf == null);
    }

    [Fact]
    public void The_overdue_review_lists_without_a_kind_or_party_it_cannot_use_and_names_them()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/overdue?kind=99&party={new string('P', 80)}");

        var cut = Render<Overdue>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=\"address-problems\"]").TextContent.ShouldContain("'99' is not a kind (one of TradeTarget"));
        cut.Find("[data-testid=\"address-problems\"]").TextContent.ShouldContain("party may be at most");
        var asked = _sender.Sent.OfType<ListOverdueQuery>().Last();
        (asked.Filter.Kind, asked.Filter.Party).ShouldBe((null, null));
    }

    [Fact]
    public void A_selection_in_the_address_that_cannot_be_read_leaves_the_empty_form_and_says_why()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/commitments/new?document=xyz&start=a&end=b");

        var cut = Render<NewCommitment>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=\"selection-problem\"]").TextContent.ShouldContain("The selection in the address cannot be read"));
        cut.Markup.ShouldContain("Quote the words from the meeting record");
    }
}
