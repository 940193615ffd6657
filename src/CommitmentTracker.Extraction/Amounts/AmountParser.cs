using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CommitmentTracker.Extraction;

/// <summary>
/// Finds sums of money: "$100 million", "USD 2.3 bn", "half a billion dollars", "1.5 billion rubles",
/// "300 million Belarusian rubles" (BYN), and a bare "the (cherished) billion" read as US dollars when the
/// sentence is about trade or dollars.
/// </summary>
internal static partial class AmountParser
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string Number = @"(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|half\s+an?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several)";

    private const string Scale = @"(?<scale>thousand|million|billion|trillion|mln|mn|bln|bn|tn|m|k|b)\b";

    private const string CurrencyWord =
        @"(?<cur>(?:US\s+|U\.S\.\s+|American\s+)?dollars?|euros?|(?:Belarusian|Belarus)\s+r[o]?ubles?|(?:Russian\s+)?r[o]?ubles?|yuan|pounds?\s+sterling|USD|EUR|RUB|BYN|CNY|GBP)\b";

    private static readonly FrozenDictionary<string, decimal> Scales = new Dictionary<string, decimal>
    {
        ["thousand"] = 1_000m,
        ["k"] = 1_000m,
        ["million"] = 1_000_000m,
        ["mln"] = 1_000_000m,
        ["mn"] = 1_000_000m,
        ["m"] = 1_000_000m,
        ["billion"] = 1_000_000_000m,
        ["bln"] = 1_000_000_000m,
        ["bn"] = 1_000_000_000m,
        ["b"] = 1_000_000_000m,
        ["trillion"] = 1_000_000_000_000m,
        ["tn"] = 1_000_000_000_000m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, decimal> Words = new Dictionary<string, decimal>
    {
        ["a"] = 1m,
        ["an"] = 1m,
        ["one"] = 1m,
        ["two"] = 2m,
        ["three"] = 3m,
        ["four"] = 4m,
        ["five"] = 5m,
        ["six"] = 6m,
        ["seven"] = 7m,
        ["eight"] = 8m,
        ["nine"] = 9m,
        ["ten"] = 10m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every amount in <paramref name="text"/>[start..end], with offsets into <paramref name="text"/>.</summary>
    public static IReadOnlyList<Amount> Find(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentence = text[start..end];
        var found = new List<Amount>();
        foreach (var pattern in (Regex[])[SymbolFirst(), NumberFirst()])
        {
            foreach (Match match in pattern.Matches(sentence))
            {
                if (found.Any(a => a.Start < start + match.Index + match.Length && start + match.Index < a.End))
                {
                    continue;
                }

                if (TryRead(match, out var value, out var currency))
                {
                    found.Add(new Amount(value, currency, start + match.Index, start + match.Index + match.Length, match.Value));
                }
            }
        }

        if (TradeContext().IsMatch(sentence))
        {
            foreach (Match match in BareScale().Matches(sentence))
            {
                var at = start + match.Index;
                if (!found.Any(a => a.Start < at + match.Length && at < a.End))
                {
                    var value = Scales[match.Groups["scale"].Value];
                    found.Add(new Amount(value, "USD", at, at + match.Length, match.Value));
                }
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static bool TryRead(Match match, out decimal value, out string currency)
    {
        value = 0m;
        currency = Currency(match.Groups["cur"].Value);
        var number = match.Groups["num"].Value;
        decimal quantity;
        if (number.StartsWith("half", StringComparison.OrdinalIgnoreCase))
        {
            quantity = 0.5m;
        }
        else if (Words.TryGetValue(number, out var word))
        {
            quantity = word;
        }
        else if (!decimal.TryParse(number.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out quantity))
        {
            return false;
        }

        var scale = match.Groups["scale"].Success ? Scales[match.Groups["scale"].Value.TrimEnd('.')] : 1m;

        // A word number ("a", "half a") without a scale is not an amount ("a dollar" is, but rarely matters).
        if (!match.Groups["scale"].Success && !char.IsDigit(number[0]))
        {
            return false;
        }

        value = quantity * scale;
        return currency.Length > 0;
    }

    private static string Currency(string written)
    {
        var w = written.ToUpperInvariant();
        return w switch
        {
            "$" or "US$" or "USD" => "USD",
            "€" or "EUR" => "EUR",
            "£" or "GBP" => "GBP",
            "RUB" or "₽" => "RUB",
            "BYN" or "BR" => "BYN",
            "CNY" or "¥" => "CNY",
            _ when w.Contains("DOLLAR", StringComparison.Ordinal) => "USD",
            _ when w.Contains("EURO", StringComparison.Ordinal) => "EUR",
            _ when w.Contains("BELARUS", StringComparison.Ordinal) => "BYN",
            _ when w.Contains("UBLE", StringComparison.Ordinal) => "RUB",
            _ when w.Contains("YUAN", StringComparison.Ordinal) => "CNY",
            _ when w.Contains("POUND", StringComparison.Ordinal) => "GBP",
            _ => string.Empty,
        };
    }

    // "$100 million", "USD 2.3 bn", "€5m", "BYN 300 million".
    [GeneratedRegex(
        @"(?<![\w$€£¥₽])(?<cur>US\$|\$|€|£|¥|₽|USD|EUR|RUB|BYN|CNY|GBP)\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?" + Scale + ")?",
        Options)]
    private static partial Regex SymbolFirst();

    // "half a billion dollars", "1.5 billion rubles", "300 million Belarusian rubles", "2 bn USD".
    [GeneratedRegex(@"\b" + Number + @"(?:\s*-\s*|\s+)?(?:" + Scale + @"\s+)?(?:of\s+)?" + CurrencyWord, Options)]
    private static partial Regex NumberFirst();

    [GeneratedRegex(@"\b(?:the|a|one)\s+(?:[a-z]+\s+)?(?<scale>billion|million|trillion)\b(?!\s+(?:of\s+)?[a-z]*\s*(?:dollars?|euros?|r[o]?ubles?|yuan|USD|EUR|RUB|BYN))", Options)]
    private static partial Regex BareScale();

    [GeneratedRegex(@"\b(?:trade|turnover|exports?|imports?|dollars?|USD)\b", Options)]
    private static partial Regex TradeContext();
}
