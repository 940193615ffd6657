namespace CommitmentTracker.Domain;

/// <summary>
/// Identity for every persisted thing (time-ordered GUIDs, so SQL Server indexes do not fragment), and the domain
/// events it raised since it was last saved. Events are never stored as such: the save that writes the change hands
/// them to the recorders that give them consequences (the webhook outbox), in the same transaction.
/// </summary>
public abstract class Entity
{
    private readonly List<DomainEvent> _domainEvents = [];

    public Guid Id { get; protected init; } = Guid.CreateVersion7();

    public IReadOnlyList<DomainEvent> DomainEvents => _domainEvents;

    /// <summary>Hands over the events raised since the last save and forgets them.</summary>
    public IReadOnlyList<DomainEvent> TakeDomainEvents()
    {
        var events = _domainEvents.ToList();
        _domainEvents.Clear();
        return events;
    }

    protected void Raise(DomainEvent domainEvent) => _domainEvents.Add(domainEvent);
}

/// <summary>Something that happened to an aggregate, with its own id (also the id receivers of its webhook see).</summary>
public abstract record DomainEvent(DateTimeOffset OccurredAt)
{
    public Guid Id { get; } = Guid.CreateVersion7();
}
