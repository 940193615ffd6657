using System.Globalization;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Import;

/// <summary>
/// The sums a proposal read ("270000000 USD": value and currency, written and read here only), and the target a
/// trade-target proposal suggests from them: its largest sum as the goal to reach, in that sum's currency. The
/// analyst sees it on the card, accepting keeps it, and the form can drop it.
/// </summary>
public static class CandidateTarget
{
    /// <summary>What a suggested target measures; the commitment's parties say between whom.</summary>
    public const string Metric = "Trade turnover";

    public static string Format(decimal value, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {currency}");

    public static (decimal Value, string Currency)? Parse(string amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        var parts = amount.Split(' ', 2);
        return parts.Length == 2 && decimal.TryParse(parts[0], NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && parts[1].Length > 0
            ? (value, parts[1])
            : null;
    }

    /// <summary>A stored sum as people read it ("270,000,000 USD"); as stored when it does not read back.</summary>
    public static string Readable(string amount) =>
        Parse(amount) is var (value, currency) ? string.Create(CultureInfo.InvariantCulture, $"{value:#,0.##} {currency}") : amount;

    /// <summary>Null unless the proposal is a trade target that read a sum; several currencies: the first one's sums.</summary>
    public static SuggestedTarget? Suggest(CommitmentKind kind, IEnumerable<string> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        if (kind != CommitmentKind.TradeTarget)
        {
            return null;
        }

        var sums = amounts.Select(Parse).OfType<(decimal Value, string Currency)>().ToList();
        if (sums.Count == 0)
        {
            return null;
        }

        var currency = sums[0].Currency;
        var goal = sums.Where(s => s.Currency == currency).Max(s => s.Value);
        return new SuggestedTarget(Metric, currency, TargetDirection.Reach, goal);
    }
}

/// <summary>The target a proposal suggests: what to measure, in what unit, and the goal the record named.</summary>
public sealed record SuggestedTarget(string Metric, string Unit, TargetDirection Direction, decimal GoalValue)
{
    /// <summary>As the commitment's target: no baseline and no observations yet, since the record gives no date for one.</summary>
    public TargetInput ToInput() => new(Metric, Unit, Direction, null, null, null, GoalValue, null);

    /// <summary>"reach 270,000,000 USD (trade turnover)": as the card and the form say it.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Direction.ToString().ToLowerInvariant()} {GoalValue:#,0.##} {Unit} ({Metric.ToLowerInvariant()})");
}
