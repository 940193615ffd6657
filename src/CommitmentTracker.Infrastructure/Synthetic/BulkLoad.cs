using CommitmentTracker.Application.Commitments.Common;

namespace CommitmentTracker.Infrastructure.Synthetic;

/// <summary>
/// A synthetic load as one transaction on the engine's own bulk path (SQLite: decision 0049; PostgreSQL: decision
/// 0063): batches of <see cref="AddedRows"/> written as they come, what the engine would keep up row by row (the
/// search index, the secondary indexes of the growing tables, the dashboard projection) made once at the end, and
/// nothing left behind unless <see cref="CompleteAsync"/> commits.
/// </summary>
internal interface IBulkLoad : IAsyncDisposable
{
    /// <summary>Writes one batch's rows and keeps its projection rows for the end.</summary>
    ValueTask WriteAsync(IReadOnlyList<AddedRows> tables, IEnumerable<DashboardCount> dashboard, CancellationToken ct);

    /// <summary>Makes what was suspended again, writes the projection and commits.</summary>
    Task CompleteAsync(CancellationToken ct);
}

/// <summary>The ledger's tables that grow by several rows per commitment, whose indexes cost most to keep up row by row.</summary>
internal static class GrowingTables
{
    public static readonly string[] Ledger = ["Commitments", "StatusEntries", "Responsibilities", "SourceSpans"];
}

/// <summary>
/// The projection rows of every batch of a load, summed: the same stored rows as one upsert per batch (SaveChanges'
/// way), a key whose batches cancel out kept at 0 as the upserts would have stored it, for one upsert at the end.
/// </summary>
internal sealed class DashboardSum
{
    private readonly Dictionary<(string Figure, string Item, bool WholeMonth, DateOnly Day), int> _sum = [];

    public void Add(IEnumerable<DashboardCount> rows)
    {
        foreach (var row in rows)
        {
            var key = (row.Figure, row.Item, row.WholeMonth, row.Day);
            _sum[key] = _sum.GetValueOrDefault(key) + row.Change;
        }
    }

    public IReadOnlyList<DashboardCount> Rows() => [.. _sum.Select(d => new DashboardCount(d.Key.Figure, d.Key.Item, d.Key.WholeMonth, d.Key.Day, d.Value))];
}
