namespace CommitmentTracker.Domain.Commitments;

// Placeholder until the parser lands (being written in parallel); replaced wholesale.
public static class DueWindowParser
{
    public static bool TryParse(string? phrase, DateOnly spokenOn, out DueWindow? window, out string? error)
    {
        window = null;
        error = "not yet";
        return phrase is null && spokenOn == default;
    }

    public static DueWindow Parse(string phrase, DateOnly spokenOn) =>
        TryParse(phrase, spokenOn, out var w, out var e) ? w! : throw new DomainRuleException("Due.Phrase", e!);
}
