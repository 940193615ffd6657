using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using CommitmentTracker.Extraction.Rules;
using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction.Amounts;

/// <summary>The currency the record was last speaking in, so a bare figure in a follow-up sentence keeps its unit.</summary>
internal sealed class AmountContext(LanguageRules rules)
{
    public LanguageRules Rules { get; } = rules;

    public string? LastCurrency { get; set; }

    /// <summary>The last sum the paragraph named with its own currency, for a sentence that points back at it.</summary>
    public Amount? LastSum { get; set; }

    public int LastParagraph { get; set; } = -1;
}

/// <summary>
/// Finds sums of money in either language: "$100 million", "USD 2.3 bn", "half a billion dollars", "1,5 млрд
/// рублей", "500 млн долларов", "300 million Belarusian rubles" (BYN). A round figure without a currency ("the
/// cherished billion", "выйти на миллиард", "up to 2m") takes the currency of the sum the record last named in the
/// same paragraph, or US dollars in trade talk — how these records speak of trade.
/// </summary>
internal static partial class AmountParser
{
    private static readonly FrozenDictionary<string, decimal> Scales = new Dictionary<string, decimal>
    {
        ["thousand"] = 1_000m,
        ["k"] = 1_000m,
        ["тыс"] = 1_000m,
        ["тысяч"] = 1_000m,
        ["million"] = 1_000_000m,
        ["mln"] = 1_000_000m,
        ["mn"] = 1_000_000m,
        ["m"] = 1_000_000m,
        ["млн"] = 1_000_000m,
        ["миллион"] = 1_000_000m,
        ["полмиллиона"] = 500_000m,
        ["billion"] = 1_000_000_000m,
        ["bln"] = 1_000_000_000m,
        ["bn"] = 1_000_000_000m,
        ["b"] = 1_000_000_000m,
        ["млрд"] = 1_000_000_000m,
        ["миллиард"] = 1_000_000_000m,
        ["полмиллиарда"] = 500_000_000m,
        ["trillion"] = 1_000_000_000_000m,
        ["tn"] = 1_000_000_000_000m,
        ["трлн"] = 1_000_000_000_000m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, decimal> NumberWords = new Dictionary<string, decimal>
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
        ["один"] = 1m,
        ["одна"] = 1m,
        ["два"] = 2m,
        ["две"] = 2m,
        ["три"] = 3m,
        ["четыре"] = 4m,
        ["пять"] = 5m,
        ["шесть"] = 6m,
        ["семь"] = 7m,
        ["восемь"] = 8m,
        ["девять"] = 9m,
        ["десять"] = 10m,
        ["двух"] = 2m,
        ["трёх"] = 3m,
        ["трех"] = 3m,
        ["четырёх"] = 4m,
        ["четырех"] = 4m,
        ["пяти"] = 5m,
        ["десяти"] = 10m,
        ["сто"] = 100m,
        ["ста"] = 100m,
        ["двести"] = 200m,
        ["двухсот"] = 200m,
        ["триста"] = 300m,
        ["трёхсот"] = 300m,
        ["трехсот"] = 300m,
        ["четыреста"] = 400m,
        ["пятьсот"] = 500m,
        ["пятисот"] = 500m,
        ["шестьсот"] = 600m,
        ["семьсот"] = 700m,
        ["восемьсот"] = 800m,
        ["девятьсот"] = 900m,
        ["пол"] = 0.5m,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every amount in the sentence, with offsets into the whole text; remembers the currency for the next sentence.</summary>
    public static IReadOnlyList<Amount> Find(string text, Sentence sentence, LanguageRules rules, AmountContext context)
    {
        if (sentence.Paragraph != context.LastParagraph)
        {
            context.LastCurrency = null;
            context.LastSum = null;
            context.LastParagraph = sentence.Paragraph;
        }

        var found = Find(sentence.Text, sentence.Start, rules, context.LastCurrency);
        if (found.LastOrDefault(a => a.Text.Length > 0 && HasOwnCurrency(a, rules)) is { } last)
        {
            context.LastCurrency = last.Currency;
            context.LastSum = last;
        }
        else if (found.Count == 0 && context.LastSum is { } earlier && rules.SameSum.Match(sentence.Text) is { Success: true } same)
        {
            // "Last year trade reached $270 million. … We are going to have the same amount this year.": the sum is
            // the earlier one, cited where this sentence names it.
            var at = sentence.Start + same.Index;
            found.Add(new Amount(earlier.Value, earlier.Currency, at, at + same.Length, same.Value));
        }

        _ = text;
        return found;
    }

    /// <summary>Every amount in <paramref name="sentence"/>; offsets are shifted by <paramref name="offset"/>.</summary>
    public static List<Amount> Find(string sentence, int offset, LanguageRules rules, string? inherited = null)
    {
        var found = new List<Amount>();
        foreach (Match match in rules.Money.Matches(sentence))
        {
            if (match.Length == 0 || Overlaps(found, offset + match.Index, match.Length))
            {
                continue;
            }

            if (TryRead(match, rules, out var value, out var currency))
            {
                found.Add(new Amount(value, currency, offset + match.Index, offset + match.Index + match.Length, match.Value));

                // "$2-3 billion", «2–3 млрд долларов»: both ends are sums the record names, in the same scale and currency.
                if (match.Groups["upto"].Success && ReadNumber(match.Groups["upto"].Value, rules) is { } upto
                    && ReadNumber(match.Groups["num"].Value, rules) is { } low && upto > low)
                {
                    found.Add(new Amount(value / low * upto, currency, offset + match.Index, offset + match.Index + match.Length, match.Value));
                }
            }
        }

        var currencyHere = found.LastOrDefault()?.Currency ?? inherited ?? (rules.MoneyContext.IsMatch(sentence) ? "USD" : null);
        if (currencyHere is not null)
        {
            foreach (Match match in rules.BareFigure.Matches(sentence))
            {
                var at = offset + match.Index;
                if (Overlaps(found, at, match.Length))
                {
                    continue;
                }

                var quantity = match.Groups["num"].Success ? ReadNumber(match.Groups["num"].Value, rules) : 1m;
                if (quantity is { } q && ScaleOf(match.Groups["scale"].Value) is { } scale)
                {
                    found.Add(new Amount(q * scale, currencyHere, at, at + match.Length, match.Value));
                }
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return JoinSaidInTwoScales(found, sentence, offset, rules);
    }

    /// <summary>
    /// «1 млрд 200 млн долларов», "1 billion 200 million dollars": one sum said in two scales, the larger first with no
    /// currency of its own, then the smaller with the currency, nothing but a space between.
    /// </summary>
    private static List<Amount> JoinSaidInTwoScales(List<Amount> found, string sentence, int offset, LanguageRules rules)
    {
        for (var i = found.Count - 2; i >= 0; i--)
        {
            var (larger, smaller) = (found[i], found[i + 1]);
            if (larger.End <= smaller.Start && string.IsNullOrWhiteSpace(sentence[(larger.End - offset)..(smaller.Start - offset)])
                && larger.Currency == smaller.Currency && larger.Value > smaller.Value && !HasOwnCurrency(larger, rules))
            {
                found[i] = new Amount(larger.Value + smaller.Value, larger.Currency, larger.Start, smaller.End, sentence[(larger.Start - offset)..(smaller.End - offset)]);
                found.RemoveAt(i + 1);
            }
        }

        return found;
    }

    private static bool HasOwnCurrency(Amount amount, LanguageRules rules) => rules.Money.IsMatch(amount.Text);

    private static bool Overlaps(List<Amount> found, int at, int length) => found.Any(a => a.Start < at + length && at < a.End);

    private static bool TryRead(Match match, LanguageRules rules, out decimal value, out string currency)
    {
        value = 0m;
        currency = Currency(match.Groups["cur"].Value);
        var scaleGroup = match.Groups["scale"];
        var scale = scaleGroup.Success ? ScaleOf(scaleGroup.Value) : 1m;
        var number = match.Groups["num"];
        decimal? quantity = number.Success ? ReadNumber(number.Value, rules) : scaleGroup.Success ? 1m : null;
        if (quantity is null || scale is null || currency.Length == 0)
        {
            return false;
        }

        // A word number ("a", "half a") without a scale is not an amount ("a dollar" rarely matters).
        if (!scaleGroup.Success && (!number.Success || !char.IsDigit(number.Value[0])))
        {
            return false;
        }

        value = quantity.Value * scale.Value;
        return value > 0;
    }

    private static decimal? ReadNumber(string written, LanguageRules rules)
    {
        var number = written.Trim();
        if (number.StartsWith("half", StringComparison.OrdinalIgnoreCase))
        {
            return 0.5m;
        }

        // «полтора», «полутора»: one and a half.
        if (number.StartsWith("полтор", StringComparison.OrdinalIgnoreCase) || number.StartsWith("полутор", StringComparison.OrdinalIgnoreCase))
        {
            return 1.5m;
        }

        // "two and a half (billion)".
        if (number.EndsWith("and a half", StringComparison.OrdinalIgnoreCase) && NumberWords.TryGetValue(number.Split(' ')[0], out var whole))
        {
            return whole + 0.5m;
        }

        if (NumberWords.TryGetValue(number, out var word))
        {
            return word;
        }

        // "one hundred (million)", "a hundred".
        if (number.EndsWith("hundred", StringComparison.OrdinalIgnoreCase) && NumberWords.TryGetValue(number.Split(' ')[0], out var hundreds))
        {
            return hundreds * 100;
        }

        if (number.Equals("several", StringComparison.OrdinalIgnoreCase) || number.Equals("несколько", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        number = number.Replace("\u00a0", string.Empty, StringComparison.Ordinal).Replace("\u202f", string.Empty, StringComparison.Ordinal);

        // Russian writes "1,5" for one and a half and "1 500" for fifteen hundred; English "1,500" and "1.5".
        // English "4,5 billion" (one or two digits after the comma, which the patterns only take before a scale) is Russian's.
        number = rules.Code == "ru" || DecimalComma().IsMatch(number)
            ? number.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '.')
            : number.Replace(",", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static decimal? ScaleOf(string written)
    {
        var w = written.TrimEnd('.').ToLowerInvariant();
        if (Scales.TryGetValue(w, out var exact))
        {
            return exact;
        }

        return w switch
        {
            _ when w.StartsWith("миллиард", StringComparison.Ordinal) => 1_000_000_000m,
            _ when w.StartsWith("миллион", StringComparison.Ordinal) => 1_000_000m,
            _ when w.StartsWith("тысяч", StringComparison.Ordinal) => 1_000m,
            _ => null,
        };
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
            _ when w.Contains("DOLLAR", StringComparison.Ordinal) || w.StartsWith("ДОЛЛ", StringComparison.Ordinal) || w.Contains("ДОЛЛАР", StringComparison.Ordinal) => "USD",
            _ when w.Contains("EURO", StringComparison.Ordinal) || w.Contains("ЕВРО", StringComparison.Ordinal) => "EUR",
            _ when w.Contains("BELARUS", StringComparison.Ordinal) || w.StartsWith("БЕЛ", StringComparison.Ordinal) => "BYN",
            _ when w.Contains("UBLE", StringComparison.Ordinal) || w.Contains("РУБ", StringComparison.Ordinal) => "RUB",
            _ when w.Contains("YUAN", StringComparison.Ordinal) || w.Contains("RENMINBI", StringComparison.Ordinal) || w == "RMB" || w.Contains("ЮАН", StringComparison.Ordinal) => "CNY",
            _ when w.Contains("POUND", StringComparison.Ordinal) => "GBP",
            _ => string.Empty,
        };
    }

    [GeneratedRegex(@"^\d+,\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalComma();
}
