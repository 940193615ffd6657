namespace CommitmentTracker.Domain.Audit;

public enum AuditOperation
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One change to one entity: who, when, what, and each changed field's old and new value. Written in the same
/// transaction as the change and never updated or deleted. The change feed reads the same records, in the order
/// their transactions committed (<see cref="Position"/>).
/// </summary>
public sealed class AuditRecord
{
    private AuditRecord()
    {
        ActorId = string.Empty;
        ActorName = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
        Changes = string.Empty;
    }

    public AuditRecord(DateTimeOffset at, string actorId, string actorName, string entityType, string entityId, string? entityKey, AuditOperation operation, string changes)
    {
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        EntityType = entityType;
        EntityId = entityId;
        EntityKey = entityKey;
        Operation = operation;
        Changes = changes;
    }

    /// <summary>Given by the database, increasing in commit order (SQLite has one writer at a time).</summary>
    public long Position { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    /// <summary>Commitment, StatusEntry, Meeting, ApiKey, User…</summary>
    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>The human key where there is one (a commitment or meeting code, a user name).</summary>
    public string? EntityKey { get; private set; }

    public AuditOperation Operation { get; private set; }

    /// <summary>JSON object: field → { "old": …, "new": … }.</summary>
    public string Changes { get; private set; }
}
