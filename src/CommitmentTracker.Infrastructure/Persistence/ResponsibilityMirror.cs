namespace CommitmentTracker.Infrastructure.Persistence;

/// <summary>
/// The commitment's status, kind and last due day as copied onto its responsibilities (decision 0145): the index that
/// reads a party's commitments by them, and the trigger on the commitments' table that keeps the copies current on
/// every update, in each engine's migrations.
/// </summary>
public static class ResponsibilityMirror
{
    public const string PartyIndex = "IX_Responsibilities_PartyId_CommitmentId_Mirror";

    public const string Trigger = "Commitments_MirroredOnResponsibilities";
}
