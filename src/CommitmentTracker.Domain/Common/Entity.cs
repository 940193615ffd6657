namespace CommitmentTracker.Domain;

/// <summary>Identity for every persisted thing: time-ordered GUIDs, so SQL Server indexes do not fragment.</summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
}
