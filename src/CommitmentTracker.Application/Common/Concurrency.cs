namespace CommitmentTracker.Application.Common;

public static class Concurrency
{
    /// <summary>Updates must say which version they were based on; a different current version means someone saved first.</summary>
    public static void EnsureVersion(string entity, long? expected, long current)
    {
        if (expected is null)
        {
            throw new PreconditionRequiredException($"Updating a {entity.ToLowerInvariant()} requires the version it is based on (send If-Match with the ETag from your last read).");
        }

        if (expected != current)
        {
            throw new ConcurrencyConflictException($"The {entity.ToLowerInvariant()} was changed by someone else (you edited version {expected}, the current version is {current}). Reload it and apply your change again.", current);
        }
    }
}
