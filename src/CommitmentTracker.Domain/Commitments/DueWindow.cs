namespace CommitmentTracker.Domain.Commitments;

/// <summary>How exactly a due phrase pins down a date.</summary>
public enum DuePrecision
{
    Day,
    Month,
    Quarter,
    Season,
    HalfYear,
    Year,
    /// <summary>No latest date can be derived ("in the near future"); never overdue by the calendar.</summary>
    Open,
}

/// <summary>
/// When a commitment is due: the words as spoken and the dates they mean, resolved against the
/// meeting date (never today's date), so "next year" in a 2023 record means 2024 forever.
/// </summary>
public sealed record DueWindow
{
    public const int MaxPhraseLength = 200;

    public DueWindow(string phrase, DuePrecision precision, DateOnly? earliest, DateOnly? latest)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            throw new DomainRuleException("DueWindow.Phrase", "A due window needs the phrase as it was said.");
        }

        if (phrase.Length > MaxPhraseLength)
        {
            throw new DomainRuleException("DueWindow.Phrase", $"The due phrase must be at most {MaxPhraseLength} characters.");
        }

        if (precision != DuePrecision.Open && latest is null)
        {
            throw new DomainRuleException("DueWindow.Latest", $"A due window of precision {precision} needs a latest date.");
        }

        if (precision == DuePrecision.Open && latest is not null)
        {
            throw new DomainRuleException("DueWindow.Latest", "An open due window has no latest date.");
        }

        if (earliest is { } e && latest is { } l && e > l)
        {
            throw new DomainRuleException("DueWindow.Earliest", "The earliest date of a due window cannot be after its latest date.");
        }

        Phrase = phrase.Trim();
        Precision = precision;
        Earliest = earliest;
        Latest = latest;
    }

    public string Phrase { get; }

    public DuePrecision Precision { get; }

    public DateOnly? Earliest { get; }

    public DateOnly? Latest { get; }

    /// <summary>Whole days between the latest date and <paramref name="asOf"/>; zero when not passed (see <see cref="OverdueRule"/>).</summary>
    public int DaysPast(DateOnly asOf) => OverdueRule.DaysPast(Latest, asOf);

    public static DueWindow OnDay(string phrase, DateOnly day) => new(phrase, DuePrecision.Day, day, day);
}
