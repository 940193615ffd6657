namespace CommitmentTracker.Domain.Commitments;

/// <summary>The numbers behind a trade or other quantitative commitment, and what was observed since.</summary>
public sealed class Target : Entity
{
    public const int MaxMetricLength = 200;
    public const int MaxUnitLength = 20;
    public const int MaxNoteLength = 500;

    private readonly List<Observation> _observations = [];

    private Target()
    {
        Metric = string.Empty;
        Unit = string.Empty;
    }

    public Target(string metric, string unit, TargetDirection direction, decimal? baselineValue, DateOnly? baselineDate, string? baselineNote, decimal? goalValue)
    {
        Metric = Require.Text(metric, nameof(Metric), MaxMetricLength);
        Unit = Require.Text(unit, nameof(Unit), MaxUnitLength).ToUpperInvariant();
        Direction = direction;
        if (baselineValue is null != baselineDate is null)
        {
            throw new DomainRuleException(nameof(BaselineDate), "A baseline needs both a value and the date it refers to.");
        }

        BaselineValue = baselineValue;
        BaselineDate = baselineDate;
        BaselineNote = Require.OptionalText(baselineNote, nameof(BaselineNote), MaxNoteLength);
        GoalValue = goalValue;
    }

    public Guid CommitmentId { get; private set; }

    public string Metric { get; private set; }

    /// <summary>ISO 4217 currency (USD, RUB, BYN) or a unit such as TONNES.</summary>
    public string Unit { get; private set; }

    public TargetDirection Direction { get; private set; }

    public decimal? BaselineValue { get; private set; }

    public DateOnly? BaselineDate { get; private set; }

    public string? BaselineNote { get; private set; }

    public decimal? GoalValue { get; private set; }

    public IReadOnlyList<Observation> Observations => _observations;

    public Observation Observe(DateOnly periodStart, DateOnly periodEnd, decimal value, string? source)
    {
        if (periodEnd < periodStart)
        {
            throw new DomainRuleException("PeriodEnd", "An observation's period cannot end before it starts.");
        }

        var observation = new Observation(Id, periodStart, periodEnd, value, source);
        _observations.Add(observation);
        return observation;
    }
}

public sealed class Observation : Entity
{
    public const int MaxSourceLength = 1000;

    private Observation()
    {
    }

    internal Observation(Guid targetId, DateOnly periodStart, DateOnly periodEnd, decimal value, string? source)
    {
        TargetId = targetId;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Value = value;
        Source = Require.OptionalText(source, nameof(Source), MaxSourceLength);
    }

    public Guid TargetId { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public decimal Value { get; private set; }

    public string? Source { get; private set; }
}
