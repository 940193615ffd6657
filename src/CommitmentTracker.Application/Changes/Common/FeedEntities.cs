namespace CommitmentTracker.Application.Changes.Common;

/// <summary>
/// The audit records the change feed carries, by the entity type the audit trail files them under, with the name the
/// feed gives them. One list, so the feed and its head ("anything new since?") can never disagree on what counts.
/// </summary>
public static class FeedEntities
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Commitment"] = "commitment",
        ["Meeting"] = "meeting",
        ["StatusEntry"] = "statusEntry",
        ["EvidenceFile"] = "evidenceFile",
    };

    /// <summary>The audit trail's entity types in the feed.</summary>
    public static IReadOnlyCollection<string> Types { get; } = [.. Names.Keys];
}
