using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommitmentTracker.Infrastructure.Synthetic;

/// <summary>
/// The one rule for what a bulk write puts in the database, shared by every engine's writer (SQLite's prepared
/// INSERTs, PostgreSQL's binary COPY): new domain objects and everything they own, found as <c>DbSet.Add</c> finds
/// it (the EF model's navigations from principal to dependent), grouped by table, parents before children, with the
/// columns and values SaveChanges would have written. Column names, value conversions and type mappings come from
/// the EF model, so the two writers differ only in how the rows reach the engine.
/// The objects never enter the change tracker: tracking a graph of eight rows per commitment, then detecting its
/// changes and reading its values back through entries, was most of the generator's time (decision 0043).
/// </summary>
internal sealed class AddedRows
{
    private readonly RelationalTypeMapping[] _mappings;

    private AddedRows(IEntityType type, IReadOnlyList<object> entities)
    {
        Type = type;
        Table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");
        var store = StoreObjectIdentifier.Table(Table, type.GetSchema());

        // Values the database makes are left to it, exactly as SaveChanges leaves them: identity keys (the audit
        // trail's Position, so its sequence moves on by itself and needs no setval) and values made on every write
        // (PostgreSQL's commit stamp, set by its deferred trigger at commit; SQL Server's rowversion).
        Properties = [.. type.GetProperties().Where(p => !IsMadeByTheDatabase(p))];

        // Anything else that lives only in the change tracker (a shadow property) has no value on the object: such a
        // model needs the tracker, and silently writing a default instead would make rows SaveChanges would not.
        if (Properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{type.DisplayName()}.{shadow.Name} is a shadow property: the bulk path reads values from the objects and cannot write it.");
        }

        Columns = [.. Properties.Select(p => p.GetColumnName(store) ?? throw new InvalidOperationException($"{p.Name} has no column in {Table}."))];
        _mappings = [.. Properties.Select(p => p.GetRelationalTypeMapping())];
        Entities = entities;
    }

    public IEntityType Type { get; }

    public string Table { get; }

    public IReadOnlyList<IProperty> Properties { get; }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<RelationalTypeMapping> Mappings => _mappings;

    public IReadOnlyList<object> Entities { get; }

    /// <summary>
    /// The rows of <paramref name="roots"/> and of everything they reach through navigations from principal to
    /// dependent (a meeting's participants and documents, a commitment's responsibilities, spans, log and target),
    /// one group per entity type, a table's parents before it. References the other way (a commitment's meeting, a
    /// responsibility's party) are not followed: those rows are roots of their own or already stored.
    /// </summary>
    public static IReadOnlyList<AddedRows> Of(IModel model, IEnumerable<object> roots)
    {
        var groups = new Dictionary<IEntityType, List<object>>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        // Breadth first, in the roots' order: each table's rows go in the order they were created, as SaveChanges
        // inserts them (rowids, and so the order of ties in an unordered read, come out alike).
        var queue = new Queue<object>(roots);
        while (queue.TryDequeue(out var entity))
        {
            if (!seen.Add(entity))
            {
                continue;
            }

            var type = model.FindEntityType(entity.GetType()) ?? throw new InvalidOperationException($"{entity.GetType().Name} is not in the model.");
            if (!groups.TryGetValue(type, out var list))
            {
                groups[type] = list = [];
            }

            list.Add(entity);
            foreach (var navigation in type.GetNavigations().Where(n => !n.IsOnDependent))
            {
                switch (navigation.GetGetter().GetClrValueUsingContainingEntity(entity))
                {
                    case null:
                        break;
                    case System.Collections.IEnumerable children when navigation.IsCollection:
                        foreach (var child in children)
                        {
                            queue.Enqueue(child);
                        }

                        break;
                    case var child:
                        queue.Enqueue(child);
                        break;
                }
            }
        }

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

    /// <summary>
    /// Column <paramref name="column"/>'s value read from <paramref name="entity"/> (an object of this type) and
    /// converted to what the column stores, as a typed expression: a writer compiled from it reads the field and binds
    /// the value as what it is. Reading every value as an object (EF's getters box it, its converters box it again) was
    /// more than a quarter of the SQLite writer's time and most of what the collector had to clear (decision 0074).
    /// </summary>
    public Expression ValueOf(int column, Expression entity)
    {
        var property = Properties[column];
        var value = Expression.MakeMemberAccess(Expression.Convert(entity, Type.ClrType), MemberOf(property));
        return _mappings[column].Converter is { } converter ? Converted(value, converter) : value;
    }

    /// <summary>
    /// <paramref name="present"/> of <paramref name="value"/> (made non-nullable) when it has one, else
    /// <paramref name="absent"/>: how every writer tells NULL from a value, with the value read once.
    /// </summary>
    public static Expression WhenPresent(Expression value, Func<Expression, Expression> present, Expression absent)
    {
        if (value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null)
        {
            return present(value);
        }

        var read = Expression.Variable(value.Type, "value");
        var test = value.Type.IsValueType ? Expression.Property(read, nameof(Nullable<int>.HasValue)) : (Expression)Expression.NotEqual(read, Expression.Constant(null, value.Type));
        var unwrapped = value.Type.IsValueType ? Expression.Call(read, value.Type.GetMethod(nameof(Nullable<int>.GetValueOrDefault), System.Type.EmptyTypes)!) : (Expression)read;
        return Expression.Block([read], Expression.Assign(read, value), Expression.Condition(test, present(unwrapped), absent));
    }

    // The member EF reads the value from when it saves: the backing field unless the property is configured to be read
    // through its getter (EF's default access mode prefers the field).
    private static MemberInfo MemberOf(IProperty property) =>
        property.GetPropertyAccessMode() is PropertyAccessMode.Property or PropertyAccessMode.PreferProperty
            ? (MemberInfo?)property.PropertyInfo ?? property.FieldInfo ?? throw new InvalidOperationException($"{property.Name} has no member to read.")
            : (MemberInfo?)property.FieldInfo ?? property.PropertyInfo ?? throw new InvalidOperationException($"{property.Name} has no member to read.");

    // A converter never sees NULL: it is applied to a value that is there.
    private static Expression Converted(Expression value, ValueConverter converter)
    {
        var provider = converter.ProviderClrType;
        var nullable = !value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null;
        if (!nullable)
        {
            return Convert(value);
        }

        var stored = provider.IsValueType && Nullable.GetUnderlyingType(provider) is null ? typeof(Nullable<>).MakeGenericType(provider) : provider;
        return WhenPresent(value, present => Expression.Convert(Convert(present), stored), Expression.Constant(null, stored));

        Expression Convert(Expression present) => converter.ModelClrType.IsEnum
            ? (Expression)typeof(AddedRows).GetMethod(nameof(Named), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(converter.ModelClrType, provider).Invoke(null, [present, converter])!
            : Expression.Invoke(converter.ConvertToProviderExpression, Expression.Convert(present, converter.ModelClrType));
    }

    // An enum's stored names, converted once per member and looked up after that: the converter's result for a member
    // never changes, and converting every value again was a visible part of the load (decision 0049).
    private static InvocationExpression Named<TEnum, TProvider>(Expression member, ValueConverter converter)
        where TEnum : struct, Enum
    {
        var convert = (Func<TEnum, TProvider>)converter.ConvertToProviderExpression.Compile();
        var names = Enum.GetValues<TEnum>().Distinct().ToDictionary(m => m, convert);
        Func<TEnum, TProvider> named = m => names.TryGetValue(m, out var name) ? name : convert(m);
        return Expression.Invoke(Expression.Constant(named), Expression.Convert(member, typeof(TEnum)));
    }

    private static bool IsMadeByTheDatabase(IProperty property) =>
        property.ValueGenerated == ValueGenerated.OnAddOrUpdate
        || (property.IsPrimaryKey() && property.ValueGenerated == ValueGenerated.OnAdd && property.ClrType != typeof(Guid));
}
