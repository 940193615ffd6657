using System.Buffers.Binary;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Audit;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommitmentTracker.Infrastructure.Audit;

/// <summary>
/// SQLite: one writer at a time, and the position is taken inside the write transaction, so position order is commit
/// order. SQL Server: writers run concurrently and identity values are taken before commit, so the cursor is the
/// rowversion stamp and only stamps below MIN_ACTIVE_ROWVERSION() (no older transaction still open) are returned.
/// PostgreSQL: writers run concurrently too; a deferred trigger stamps each record as its transaction commits, under
/// an advisory lock held until the commit is visible, so stamp order is commit order and a stamp a reader can see is
/// never followed by a lower one (decision 0016).
/// </summary>
internal sealed class ChangeLog(AppDbContext db, DatabaseSettings settings, FeedHeadReuse reuse, TimeProvider clock) : IChangeLog
{
    // The engine is the configured provider, not db.Database.IsNpgsql(): that asks the provider's assembly for its name
    // on every call, a visible cost on the head read made before every kept answer.

    public const string CommitStampColumn = "CommitStamp";

    /// <summary>PostgreSQL: the sequence the commit-time trigger draws stamps from.</summary>
    public const string CommitStampSequence = "AuditCommitStamps";

    public async Task<IReadOnlyList<CommittedChange>> ReadAsync(long after, int limit, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.PostgreSql)
        {
            var committed = await CommittedOnPostgreSql(db, after, limit, entityTypes).ToListAsync(cancellationToken);
            return [.. committed.Select(s => new CommittedChange(s.Stamp, s.Record))];
        }

        if (settings.Provider != DatabaseProvider.SqlServer)
        {
            var records = await db.AuditTrail.AsNoTracking()
                .Where(r => r.Position > after && entityTypes.Contains(r.EntityType))
                .OrderBy(r => r.Position)
                .Take(limit)
                .ToListAsync(cancellationToken);
            return [.. records.Select(r => new CommittedChange(r.Position, r))];
        }

        var stamped = await CommittedOnSqlServer(db, after, limit, entityTypes).ToListAsync(cancellationToken);
        return [.. stamped.Select(s => new CommittedChange(BinaryPrimitives.ReadInt64BigEndian(s.Stamp), s.Record))];
    }

    // Each provider's head is one read from the top of the index its feed is ordered by, stopping at the first record of
    // a feed type: SQLite walks the rowid (Position) backwards, the other two their commit-stamp index. SQLite and
    // PostgreSQL read it with one command on the context's connection, not an EF query: every kept answer (one
    // commitment, a list page, the dashboard) asks for the head first, and EF's query pipeline around this one-row read
    // was a quarter of a kept answer's CPU (profiled under wrk, decision 0051).
    public async Task<long> HeadAsync(IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken)
    {
        // Inside a transaction the head must include its own writes: never reused there.
        if (!reuse.Enabled || db.Database.CurrentTransaction is not null)
        {
            return await ReadHeadAsync(entityTypes, cancellationToken);
        }

        var feed = string.Join('\n', entityTypes);
        if (reuse.TryGet(feed, out var kept))
        {
            return kept;
        }

        var generation = reuse.Generation;
        var readAt = clock.GetUtcNow();
        var head = await ReadHeadAsync(entityTypes, cancellationToken);
        reuse.Keep(feed, head, generation, readAt);
        return head;
    }

    private async Task<long> ReadHeadAsync(IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.SqlServer)
        {
            var stamp = await HeadOnSqlServer(db, entityTypes).FirstOrDefaultAsync(cancellationToken);
            return stamp is null ? 0 : BinaryPrimitives.ReadInt64BigEndian(stamp);
        }

        if (entityTypes.Count == 0)
        {
            return 0;
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var names = new List<string>(entityTypes.Count);
            foreach (var type in entityTypes)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@t" + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameter.Value = type;
                command.Parameters.Add(parameter);
                names.Add(parameter.ParameterName);
            }

            var types = string.Join(", ", names);
            command.CommandText = settings.Provider == DatabaseProvider.PostgreSql
                // A record written in this transaction has no stamp until it commits, and NULL sorts first descending.
                ? $"SELECT \"{CommitStampColumn}\" FROM \"AuditTrail\" WHERE \"{CommitStampColumn}\" IS NOT NULL AND \"EntityType\" IN ({types}) ORDER BY \"{CommitStampColumn}\" DESC LIMIT 1"
                // "+EntityType" is not an index term, so SQLite walks the rowid from the top instead of reading every
                // record of the feed's types through the (EntityType, EntityId) index to find their largest position.
                : $"SELECT \"Position\" FROM \"AuditTrail\" WHERE +\"EntityType\" IN ({types}) ORDER BY \"Position\" DESC LIMIT 1";
            return await command.ExecuteScalarAsync(cancellationToken) is long head ? head : 0;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>The PostgreSQL read: committed records carry their stamp; uncommitted ones are not visible at all.</summary>
    internal static IQueryable<(AuditRecord Record, long Stamp)> CommittedOnPostgreSql(AppDbContext db, long after, int limit, IReadOnlyCollection<string> entityTypes) =>
        db.AuditTrail.AsNoTracking()
            .Where(r => EF.Property<long?>(r, CommitStampColumn) > after && entityTypes.Contains(r.EntityType))
            .OrderBy(r => EF.Property<long?>(r, CommitStampColumn))
            .Take(limit)
            .Select(r => ValueTuple.Create(r, EF.Property<long?>(r, CommitStampColumn)!.Value));

    /// <summary>The SQL Server read: stamps after the cursor and below every open transaction's, in stamp order.</summary>
    internal static IQueryable<(AuditRecord Record, byte[] Stamp)> CommittedOnSqlServer(AppDbContext db, long after, int limit, IReadOnlyCollection<string> entityTypes) =>
        CommittedRecordsOnSqlServer(db, after, entityTypes)
            .OrderBy(r => EF.Property<byte[]>(r, CommitStampColumn))
            .Take(limit)
            .Select(r => ValueTuple.Create(r, EF.Property<byte[]>(r, CommitStampColumn)));

    /// <summary>The SQL Server head: the highest stamp below every open transaction's.</summary>
    internal static IQueryable<byte[]> HeadOnSqlServer(AppDbContext db, IReadOnlyCollection<string> entityTypes) =>
        CommittedRecordsOnSqlServer(db, 0, entityTypes)
            .OrderByDescending(r => EF.Property<byte[]>(r, CommitStampColumn))
            .Select(r => EF.Property<byte[]>(r, CommitStampColumn));

    private static IQueryable<AuditRecord> CommittedRecordsOnSqlServer(AppDbContext db, long after, IReadOnlyCollection<string> entityTypes)
    {
        var afterStamp = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(afterStamp, after);
        return db.AuditTrail
            .FromSqlInterpolated($"SELECT * FROM [AuditTrail] WHERE [CommitStamp] > {afterStamp} AND [CommitStamp] < MIN_ACTIVE_ROWVERSION()")
            .AsNoTracking()
            .Where(r => entityTypes.Contains(r.EntityType));
    }
}
