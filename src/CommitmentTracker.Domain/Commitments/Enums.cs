namespace CommitmentTracker.Domain.Commitments;

/// <summary>What sort of promise a commitment is. Stored by name, so new kinds need no data migration.</summary>
public enum CommitmentKind
{
    TradeTarget,
    CulturalEvent,
    Hub,
    Instruction,
    Cooperation,
    Pledge,
    Other,
}

/// <summary>How binding the words were: "we will" (firm), "if you need it, we will" (conditional), "we could" (tentative).</summary>
public enum Modality
{
    Firm,
    Conditional,
    Tentative,
}

public enum ResponsibilityRole
{
    Lead,
    CoLead,
    Counterpart,
    Contributor,
}

/// <summary>Delivery-confidence rating of an assessment (RAG).</summary>
public enum Confidence
{
    Green,
    Amber,
    Red,
}

public enum TargetDirection
{
    Increase,
    Reach,
    Balance,
    Maintain,
}
