using CommitmentTracker.Application.Changes.Common;
using CommitmentTracker.Application.Common;

namespace CommitmentTracker.Application.Commitments.Common;

/// <summary>
/// The audit trail's entity types whose writes change what a commitment read answers (decision 0051): the feed's
/// (commitment, meeting, status entry, evidence file), the synthetic bulk load, and the rows a detail or a list row
/// shows besides its own: the issuer's and responsible parties' names, responsibilities, quoted spans, the target and
/// its observations. Each save of one of these leaves an audit record of its type in the same transaction, so the
/// head over these types moves with every write that could change a kept answer.
/// </summary>
public static class CommitmentReadSources
{
    public static readonly IReadOnlyCollection<string> EntityTypes =
        [.. FeedEntities.Types, "BulkLoad", "Party", "Responsibility", "SourceSpan", "Target", "Observation"];
}

/// <summary>
/// One commitment's detail as last built for each way of asking (id or code) and day (the overdue flag turns with the
/// calendar), kept by the feed's head (decision 0051). At most 4,096 details (a few kilobytes each).
/// </summary>
public sealed class CommitmentDetailSnapshots() : SnapshotsByFeedHead(4_096);

/// <summary>
/// Pages of text-search results as last built for each query and day, kept by the feed's head (decision 0051): a
/// common word costs the full-text index's whole hit list per page, the same for every person asking. At most 256
/// pages (up to 200 rows each).
/// </summary>
public sealed class TextSearchSnapshots() : SnapshotsByFeedHead(256);
