using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.ListCommitments;
using CommitmentTracker.Application.Commitments.Queries.ListOverdue;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Validators;

public class ListCommitmentsValidatorTests
{
    private readonly ListCommitmentsValidator _validator = new();

    private static readonly ListCommitmentsQuery Valid = new(
        new CommitmentFilter
        {
            Status = [LifecycleStatus.InProgress, LifecycleStatus.Stalled],
            Kind = [CommitmentKind.TradeTarget],
            Party = "BY",
            Meeting = "NSK-2023",
            Overdue = true,
            AsOf = new DateOnly(2024, 12, 1),
            DueFrom = new DateOnly(2024, 1, 1),
            DueTo = new DateOnly(2024, 12, 31),
            Q = "trade house",
        },
        "-due",
        2,
        50);

    [Fact]
    public void A_complete_query_is_valid() => _validator.Validate(Valid).ShouldBeValid();

    [Fact]
    public void The_defaults_are_valid() => _validator.Validate(new ListCommitmentsQuery(new CommitmentFilter())).ShouldBeValid();

    [Theory]
    [InlineData(null)]
    [InlineData("code")]
    [InlineData("-code")]
    [InlineData("title")]
    [InlineData("kind")]
    [InlineData("status")]
    [InlineData("due")]
    [InlineData("-due")]
    [InlineData("meetingDate")]
    [InlineData("-meetingDate")]
    [InlineData("updatedAt")]
    [InlineData("MEETINGDATE")]
    public void A_whitelisted_sort_key_is_accepted(string? sort) =>
        _validator.Validate(Valid with { Sort = sort }).ShouldHaveNoErrorOn("Sort");

    [Theory]
    [InlineData("drop table")]
    [InlineData("Code; DROP")]
    [InlineData("code desc")]
    [InlineData("priority")]
    [InlineData("c.Code")]
    [InlineData("+code")]
    public void Any_other_sort_key_is_refused_with_the_list_of_keys(string sort) =>
        _validator.Validate(Valid with { Sort = sort })
            .ShouldHaveErrorOn("Sort", "'Sort' must be one of: code, title, kind, status, due, meetingDate, updatedAt (prefix '-' for descending).");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_page_starts_at_one(int page) =>
        _validator.Validate(Valid with { Page = page }).ShouldHaveErrorOn("Page", "'Page'");

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    [InlineData(-5)]
    public void The_page_size_is_between_1_and_200(int pageSize) =>
        _validator.Validate(Valid with { PageSize = pageSize }).ShouldHaveErrorOn("PageSize", "'Page Size'");

    [Theory]
    [InlineData(1)]
    [InlineData(200)]
    public void The_page_size_bounds_are_inclusive(int pageSize) =>
        _validator.Validate(Valid with { PageSize = pageSize }).ShouldBeValid();

    [Fact]
    public void DueTo_before_DueFrom_is_refused() =>
        _validator.Validate(Valid with { Filter = Valid.Filter with { DueFrom = new DateOnly(2024, 6, 1), DueTo = new DateOnly(2024, 5, 31) } })
            .ShouldHaveErrorOn("Filter.DueTo", "'Due To' must not be before 'Due From'.");

    [Fact]
    public void DueTo_on_DueFrom_or_either_alone_is_valid()
    {
        var day = new DateOnly(2024, 6, 1);

        _validator.Validate(Valid with { Filter = Valid.Filter with { DueFrom = day, DueTo = day } }).ShouldBeValid();
        _validator.Validate(Valid with { Filter = Valid.Filter with { DueFrom = null, DueTo = day } }).ShouldBeValid();
        _validator.Validate(Valid with { Filter = Valid.Filter with { DueFrom = day, DueTo = null } }).ShouldBeValid();
    }

    [Fact]
    public void Unknown_statuses_and_kinds_are_refused_by_index()
    {
        var result = _validator.Validate(Valid with { Filter = Valid.Filter with { Status = [LifecycleStatus.Captured, (LifecycleStatus)42], Kind = [(CommitmentKind)42] } });

        result.ShouldHaveErrorOn("Filter.Status[1]", "'Status'");
        result.ShouldHaveErrorOn("Filter.Kind[0]", "'Kind'");
    }

    [Fact]
    public void Over_long_filter_texts_are_refused()
    {
        var result = _validator.Validate(Valid with { Filter = Valid.Filter with { Party = new string('P', 41), Meeting = new string('M', 61), Q = new string('q', 201) } });

        result.ShouldHaveErrorOn("Filter.Party", "40");
        result.ShouldHaveErrorOn("Filter.Meeting", "60");
        result.ShouldHaveErrorOn("Filter.Q", "200");
    }

    [Fact]
    public void A_cursor_is_a_code_and_starts_its_own_page()
    {
        _validator.Validate(Valid with { Page = 1, After = "NSK-2023-004" }).ShouldBeValid();
        _validator.Validate(Valid with { Page = 1, After = new string('C', 41) }).ShouldHaveErrorOn("After", "40");
        _validator.Validate(Valid with { Page = 2, After = "NSK-2023-004" })
            .ShouldHaveErrorOn("Page", "'Page' and 'after' do not go together: 'after' already says where the page starts.");
    }

    [Fact]
    public void An_over_long_owner_is_refused() =>
        _validator.Validate(Valid with { Filter = Valid.Filter with { Owner = new string('o', 257) } }).ShouldHaveErrorOn("Filter.Owner", "256");

    [Fact]
    public void The_filter_validator_reports_on_the_filter_itself() =>
        new CommitmentFilterValidator().Validate(new CommitmentFilter { DueFrom = new DateOnly(2024, 6, 1), DueTo = new DateOnly(2024, 1, 1) })
            .ShouldHaveErrorOn("DueTo", "'Due To' must not be before 'Due From'.");

    [Fact]
    public void The_overdue_list_checks_its_filter_and_paging()
    {
        var validator = new ListOverdueValidator();

        validator.Validate(new ListOverdueQuery(new CommitmentFilter { Party = "BY" })).ShouldBeValid();
        validator.Validate(new ListOverdueQuery(new CommitmentFilter(), Page: 0)).ShouldHaveErrorOn("Page", "'Page'");
        validator.Validate(new ListOverdueQuery(new CommitmentFilter(), PageSize: 201)).ShouldHaveErrorOn("PageSize", "'Page Size'");
        validator.Validate(new ListOverdueQuery(new CommitmentFilter(), After: new string('C', 41))).ShouldHaveErrorOn("After", "40");
        validator.Validate(new ListOverdueQuery(new CommitmentFilter { DueFrom = new DateOnly(2024, 6, 1), DueTo = new DateOnly(2024, 1, 1) }))
            .ShouldHaveErrorOn("Filter.DueTo", "'Due To' must not be before 'Due From'.");
    }
}
