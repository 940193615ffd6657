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

/// <summary>A state, region, ministry, agency, company or joint body; parties nest (a region belongs to a state).</summary>
public sealed class Party : Entity
{
    public const int MaxKeyLength = 40;
    public const int MaxNameLength = 200;

    private Party()
    {
        Key = string.Empty;
        Name = string.Empty;
    }

    public Party(string key, string name, PartyKind kind, Party? parent = null)
    {
        Key = Require.Text(key, nameof(Key), MaxKeyLength).ToUpperInvariant();
        Name = Require.Text(name, nameof(Name), MaxNameLength);
        Kind = kind;
        ParentId = parent?.Id;
    }

    /// <summary>Stable short code used by API filters, e.g. <c>BY</c> or <c>RU-NVS</c>.</summary>
    public string Key { get; private set; }

    public string Name { get; private set; }

    public PartyKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public Party? Parent { get; private set; }
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
