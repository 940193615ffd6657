using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Web.Components.Pages;

namespace CommitmentTracker.Web.Tests;

/// <summary>What the live grid's note names after a change made elsewhere (decision 0047).</summary>
public class GridPageChangeTests
{
    private static CommitmentSummaryDto Row(string code, long version) => new() { Code = code, Version = version };

    [Fact]
    public void A_row_with_a_newer_version_is_named_as_changed_and_the_others_are_not()
    {
        var change = GridPageChange.Between([Row("M-001", 3), Row("M-002", 1)], 2, [Row("M-001", 4), Row("M-002", 1)], 2);

        change.IsEmpty.ShouldBeFalse();
        change.Describe().ShouldBe("1 commitment changed (M-001)");
        change.Codes.ShouldBe(new[] { "M-001" }, ignoreOrder: true);
    }

    [Fact]
    public void Rows_that_came_and_left_and_the_count_that_matches_are_named()
    {
        var change = GridPageChange.Between([Row("M-001", 1), Row("M-002", 1)], 12, [Row("M-002", 1), Row("M-003", 2)], 11);

        change.Describe().ShouldBe("1 commitment came onto this page (M-003); 1 commitment left this page (M-001); 12 → 11 match the filters");
        change.Codes.ShouldBe(new[] { "M-003" }, ignoreOrder: true);
    }

    [Fact]
    public void Nothing_moved_on_the_page_means_no_note()
    {
        var rows = new[] { Row("M-001", 1) };

        GridPageChange.Between(rows, 1, [Row("M-001", 1)], 1).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void A_long_list_of_codes_is_cut_to_five_and_counted()
    {
        var before = Enumerable.Range(1, 7).Select(i => Row($"M-{i:000}", 1)).ToArray();
        var after = Enumerable.Range(1, 7).Select(i => Row($"M-{i:000}", 2)).ToArray();

        GridPageChange.Between(before, 7, after, 7).Describe().ShouldBe("7 commitments changed (M-001, M-002, M-003, M-004, M-005 and 2 more)");
    }
}
