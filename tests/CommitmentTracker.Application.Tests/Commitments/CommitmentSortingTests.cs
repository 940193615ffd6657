using CommitmentTracker.Application.Commitments.Common;

namespace CommitmentTracker.Application.Tests.Commitments;

public sealed class CommitmentSortingTests
{
    [Fact]
    public void Every_sortable_list_field_is_a_field_of_the_list_row_sorted_by_a_key_the_API_accepts()
    {
        var fields = typeof(CommitmentSummaryDto).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        CommitmentSorting.ByListField.Keys.ShouldAllBe(field => fields.Contains(field));
        CommitmentSorting.ByListField.Values.ShouldAllBe(key => CommitmentSorting.IsKnown(key) && CommitmentSorting.IsKnown("-" + key));
        CommitmentSorting.ByListField.Values.ShouldBe(CommitmentSorting.Keys, ignoreOrder: true, "every key the API sorts by has a column to click");
    }
}
