namespace CommitmentTracker.Domain.Parties;

public enum PartyKind
{
    State,
    Government,
    Region,
    Ministry,
    Agency,
    Company,
    JointBody,
    Organisation,
    Other,
}

/// <summary>
/// A state, region, ministry, agency, company or joint body; parties nest (a region belongs to a state). Besides its
/// name a party has aliases, in any language the records are published in ("Novosibirsk Region",
/// "Новосибирская область"): the extractor finds a party in a record by any of them.
/// </summary>
public sealed class Party : Entity
{
    public const int MaxKeyLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxAliases = 30;

    private Party()
    {
        Key = string.Empty;
        Name = string.Empty;
        Aliases = [];
    }

    public Party(string key, string name, PartyKind kind, Party? parent = null, IEnumerable<string>? aliases = null)
    {
        Key = Require.Text(key, nameof(Key), MaxKeyLength).ToUpperInvariant();
        Name = Require.Text(name, nameof(Name), MaxNameLength);
        Kind = kind;
        ParentId = parent?.Id;
        Aliases = CleanAliases(aliases ?? [], Name);
    }

    /// <summary>Stable short code used by API filters, e.g. <c>BY</c> or <c>RU-NVS</c>.</summary>
    public string Key { get; private set; }

    public string Name { get; private set; }

    public PartyKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public Party? Parent { get; private set; }

    /// <summary>Other names of the party, in either language, nominative (the matcher handles inflection).</summary>
    public List<string> Aliases { get; private set; }

    /// <summary>Incremented on every change: the ETag of the party and its optimistic concurrency token.</summary>
    public long Version { get; private set; } = 1;

    /// <summary>The name and every alias: what the party can be called in a record.</summary>
    public IEnumerable<string> Names => [Name, .. Aliases];

    /// <summary>Renames, re-files or re-aliases the party. Its key never changes: filters, codes and feeds use it.</summary>
    public void Describe(string name, PartyKind kind, Party? parent, IEnumerable<string> aliases)
    {
        var newName = Require.Text(name, nameof(Name), MaxNameLength);
        var newAliases = CleanAliases(aliases, newName);
        if (parent is not null && (parent.Id == Id || parent.IsDescendantOf(this)))
        {
            throw new DomainRuleException("Parent", $"{parent.Key} cannot be the parent of {Key}: a party cannot sit under itself.");
        }

        if (newName == Name && kind == Kind && parent?.Id == ParentId && newAliases.SequenceEqual(Aliases, StringComparer.Ordinal))
        {
            return;
        }

        (Name, Kind, ParentId, Parent, Aliases) = (newName, kind, parent?.Id, parent, newAliases);
        Version++;
    }

    private bool IsDescendantOf(Party party)
    {
        for (var (current, hops) = (Parent, 0); current is not null && hops < 20; current = current.Parent, hops++)
        {
            if (current.Id == party.Id)
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> CleanAliases(IEnumerable<string> aliases, string name)
    {
        var clean = aliases.Select(a => a?.Trim() ?? string.Empty).Where(a => a.Length > 0)
            .Where(a => !a.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (clean.Count > MaxAliases)
        {
            throw new DomainRuleException(nameof(Aliases), $"A party has at most {MaxAliases} aliases.");
        }

        foreach (var alias in clean)
        {
            Require.Text(alias, nameof(Aliases), MaxNameLength);
        }

        return clean;
    }
}

/// <summary>A named person who speaks or acts for a party.</summary>
public sealed class Person : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxPositionLength = 300;

    private Person()
    {
        FullName = string.Empty;
    }

    public Person(string fullName, string? position, Guid? partyId)
    {
        FullName = Require.Text(fullName, nameof(FullName), MaxNameLength);
        Position = Require.OptionalText(position, nameof(Position), MaxPositionLength);
        PartyId = partyId;
    }

    public string FullName { get; private set; }

    public string? Position { get; private set; }

    public Guid? PartyId { get; private set; }
}
