namespace CommitmentTracker.Domain;

/// <summary>
/// A business rule was broken. <see cref="Field"/> names the input that broke it, so adapters can show
/// the message next to the right field (API problem details, UI forms).
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public DomainRuleException()
        : this(string.Empty, "A business rule was broken.")
    {
    }

    public DomainRuleException(string message)
        : this(string.Empty, message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    public string Field { get; } = string.Empty;
}
