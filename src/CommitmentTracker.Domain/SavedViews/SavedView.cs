namespace CommitmentTracker.Domain.SavedViews;

/// <summary>
/// A view of the commitments grid that a person keeps under a name: its filters, sort and page size, as the query
/// string of the grid's address. Private to its owner unless shared, when everyone sees it in their "Shared views"
/// (decision 0044). The domain does not read the query: the application normalises it before it gets here, so two
/// saves of the same view store the same text.
/// </summary>
public sealed class SavedView : Entity
{
    public const int MaxNameLength = 80;
    public const int MaxOwnerLength = 200;
    public const int MaxOwnerNameLength = 256;
    public const int MaxQueryLength = 2000;

    private SavedView()
    {
        Name = string.Empty;
        Owner = string.Empty;
        OwnerName = string.Empty;
        Query = string.Empty;
    }

    private SavedView(string owner, string ownerName, DateTimeOffset at)
    {
        Owner = Require.Text(owner, nameof(Owner), MaxOwnerLength);
        OwnerName = Require.Text(ownerName, nameof(OwnerName), MaxOwnerNameLength);
        CreatedAt = at;
        UpdatedAt = at;
        Name = string.Empty;
        Query = string.Empty;
    }

    public string Name { get; private set; }

    /// <summary>The owner's stable id (a user id, or "key:{id}" for an API key): only they rename, re-save or delete it.</summary>
    public string Owner { get; private set; }

    /// <summary>The owner's name as people read it ("Shared by alice"), taken when the view was saved; user names do not change here.</summary>
    public string OwnerName { get; private set; }

    /// <summary>The grid's query string without the page (e.g. <c>status=Stalled&amp;sort=-due</c>); empty for the whole ledger.</summary>
    public string Query { get; private set; }

    /// <summary>Whether everyone sees it; otherwise only its owner does.</summary>
    public bool Shared { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static SavedView Create(string owner, string ownerName, string name, string query, bool shared, DateTimeOffset at)
    {
        var view = new SavedView(owner, ownerName, at);
        view.Change(name, query, shared, at);
        return view;
    }

    /// <summary>Renames, re-saves (the view as it is now) and shares or unshares it, in one step; the time moves only when something changed.</summary>
    public void Change(string name, string query, bool shared, DateTimeOffset at)
    {
        var newName = Require.Text(name, nameof(Name), MaxNameLength);
        // An empty query is a view too: every commitment, in the default order.
        var newQuery = (query ?? string.Empty).Trim();
        if (newQuery.Length > MaxQueryLength)
        {
            throw new DomainRuleException(nameof(Query), $"{nameof(Query)} must be at most {MaxQueryLength} characters.");
        }

        if (newName == Name && newQuery == Query && shared == Shared)
        {
            return;
        }

        Name = newName;
        Query = newQuery;
        Shared = shared;
        UpdatedAt = at;
    }

    /// <summary>Whether <paramref name="actor"/> (a stable actor id) owns it.</summary>
    public bool IsOwnedBy(string actor) => string.Equals(Owner, actor, StringComparison.Ordinal);
}
