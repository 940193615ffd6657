namespace CommitmentTracker.Infrastructure.Audit;

/// <summary>
/// Marks the saves of one scope as a bulk load of synthetic data (the generator's). Such a save is audited honestly
/// but as what it is: one record describing the batch (how many of each kind of row, which codes) instead of one
/// record per row, which made the audit trail most of a million-commitment database and the generator 3× slower.
/// No webhook events are raised for it: receivers hear about real commitments only.
/// </summary>
public sealed class BulkWrite
{
    /// <summary>What is being loaded, e.g. "synthetic data, seed 42"; null for ordinary saves.</summary>
    public string? Description { get; set; }

    public bool IsActive => Description is not null;
}
