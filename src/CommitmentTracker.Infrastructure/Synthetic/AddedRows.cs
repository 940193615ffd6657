using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommitmentTracker.Infrastructure.Synthetic;

/// <summary>
/// The one rule for what a bulk write puts in the database, shared by every engine's writer (SQLite's prepared
/// INSERTs, PostgreSQL's binary COPY): the rows the change tracker holds as Added, grouped by table, parents before
/// children, with the columns and values SaveChanges would have written. Column names, value conversions and type
/// mappings come from the EF model, so the two writers differ only in how the rows reach the engine.
/// </summary>
internal sealed class AddedRows
{
    private readonly RelationalTypeMapping[] _mappings;

    private AddedRows(IEntityType type, IReadOnlyList<EntityEntry> entries)
    {
        Table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");
        var store = StoreObjectIdentifier.Table(Table, type.GetSchema());

        // Values the database makes are left to it, exactly as SaveChanges leaves them: identity keys (the audit
        // trail's Position, so its sequence moves on by itself and needs no setval) and values made on every write
        // (PostgreSQL's commit stamp, set by its deferred trigger at commit; SQL Server's rowversion).
        Properties = [.. type.GetProperties().Where(p => !IsMadeByTheDatabase(p))];
        Columns = [.. Properties.Select(p => p.GetColumnName(store) ?? throw new InvalidOperationException($"{p.Name} has no column in {Table}."))];
        _mappings = [.. Properties.Select(p => p.GetRelationalTypeMapping())];
        Entries = entries;
    }

    public string Table { get; }

    public IReadOnlyList<IProperty> Properties { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<RelationalTypeMapping> Mappings => _mappings;

    public IReadOnlyList<EntityEntry> Entries { get; }

    /// <summary>The Added rows of this save, one group per entity type, a table's parents before it.</summary>
    public static IReadOnlyList<AddedRows> Of(DbContext db)
    {
        var groups = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());

        // Foreign keys that are checked row by row (PostgreSQL's, unlike SQLite's deferred ones) need every parent in
        // place before its children arrive: a depth-first walk puts each type after the types it references.
        var ordered = new List<AddedRows>(groups.Count);
        var visited = new HashSet<IEntityType>();
        foreach (var type in groups.Keys)
        {
            Visit(type);
        }

        return ordered;

        void Visit(IEntityType type)
        {
            if (!visited.Add(type))
            {
                return;
            }

            foreach (var principal in type.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(p => p != type && groups.ContainsKey(p)))
            {
                Visit(principal);
            }

            ordered.Add(new AddedRows(type, groups[type]));
        }
    }

    /// <summary>Column <paramref name="column"/>'s value for <paramref name="entry"/>, converted to what the column stores (null for NULL).</summary>
    public object? Value(EntityEntry entry, int column)
    {
        var value = entry.CurrentValues[Properties[column]];
        return value is null ? null : _mappings[column].Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    private static bool IsMadeByTheDatabase(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAddOrUpdate
        || (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType != typeof(Guid));
}
