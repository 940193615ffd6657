using System.Text;
using System.Text.RegularExpressions;

namespace CommitmentTracker.Extraction.Tests.Corpus;

/// <summary>
/// ADR 0078's experiment: a Russian sentence glossed word by word into English, so that the English sentence embedding
/// can read it. Each word's gloss comes from <c>TestResults/gloss/tokens.tsv</c> (written by
/// <c>tests/corpus/gloss/*.py</c> from Debian's hunspell-ru and mueller7-dict), function words from the table below; a
/// word with no gloss is left out. Switched on by <c>EXTRACTION_GLOSS=&lt;tokens.tsv&gt;</c>; off, nothing changes.
/// </summary>
internal static partial class RussianGloss
{
    /// <summary>Pronouns, auxiliaries, modals and prepositions: what the dictionary reads worst and the cue needs most.</summary>
    private static readonly Dictionary<string, string> Function = new(StringComparer.Ordinal)
    {
        ["мы"] = "we",
        ["нас"] = "us",
        ["нам"] = "us",
        ["наш"] = "our",
        ["наша"] = "our",
        ["наши"] = "our",
        ["нашей"] = "our",
        ["наших"] = "our",
        ["нашим"] = "our",
        ["я"] = "I",
        ["вы"] = "you",
        ["вас"] = "you",
        ["вам"] = "you",
        ["ваш"] = "your",
        ["ваша"] = "your",
        ["ваши"] = "your",
        ["вашей"] = "your",
        ["они"] = "they",
        ["он"] = "he",
        ["она"] = "she",
        ["это"] = "this",
        ["этот"] = "this",
        ["эти"] = "these",
        ["будет"] = "will",
        ["будем"] = "will",
        ["будут"] = "will",
        ["буду"] = "will",
        ["будете"] = "will",
        ["не"] = "not",
        ["нет"] = "no",
        ["и"] = "and",
        ["а"] = "and",
        ["но"] = "but",
        ["или"] = "or",
        ["в"] = "in",
        ["во"] = "in",
        ["на"] = "on",
        ["с"] = "with",
        ["со"] = "with",
        ["к"] = "to",
        ["ко"] = "to",
        ["по"] = "on",
        ["до"] = "until",
        ["для"] = "for",
        ["из"] = "from",
        ["от"] = "from",
        ["о"] = "about",
        ["об"] = "about",
        ["за"] = "for",
        ["при"] = "at",
        ["между"] = "between",
        ["что"] = "that",
        ["чтобы"] = "so",
        ["как"] = "as",
        ["если"] = "if",
        ["также"] = "also",
        ["тоже"] = "also",
        ["уже"] = "already",
        ["должны"] = "must",
        ["должен"] = "must",
        ["должна"] = "must",
        ["должно"] = "must",
        ["можем"] = "can",
        ["может"] = "can",
        ["могут"] = "can",
        ["можно"] = "can",
        ["могли"] = "could",
        ["мог"] = "could",
        ["нужно"] = "need",
        ["надо"] = "need",
        ["необходимо"] = "necessary",
        ["готовы"] = "ready",
        ["готов"] = "ready",
        ["год"] = "year",
        ["году"] = "year",
        ["года"] = "year",
        ["годы"] = "years",
        ["млрд"] = "billion",
        ["млн"] = "million",
        ["тыс"] = "thousand",
        ["долларов"] = "dollars",
        ["рублей"] = "rubles",
        ["беларусь"] = "Belarus",
        ["беларуси"] = "Belarus",
        ["россия"] = "Russia",
        ["россии"] = "Russia",
        ["область"] = "region",
        ["области"] = "region",
        ["регион"] = "region",
        ["региона"] = "region",
        ["регионом"] = "region",
        ["президент"] = "president",
        ["президента"] = "president",
        ["лукашенко"] = "Lukashenko",
        ["губернатор"] = "governor",
    };

    private static readonly Lazy<Dictionary<string, string>> Tokens = new(() =>
        File.ReadLines(Environment.GetEnvironmentVariable("EXTRACTION_GLOSS")!).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal));

    /// <summary>Whether the experiment is switched on.</summary>
    public static bool On { get; } = Environment.GetEnvironmentVariable("EXTRACTION_GLOSS") is not null;

    public static bool IsRussian(string sentence) => sentence.Any(c => c is >= 'а' and <= 'я' or >= 'А' and <= 'Я');

    /// <summary>The English words of a Russian sentence, in its order; the sentence itself when none has a gloss.</summary>
    public static string Of(string sentence)
    {
        var gloss = new StringBuilder();
        foreach (Match m in Token().Matches(sentence))
        {
            var lower = m.Value.ToLowerInvariant().Replace('ё', 'е');
            var english = Function.TryGetValue(lower, out var f) ? f : IsRussian(m.Value) ? Tokens.Value.GetValueOrDefault(lower) : m.Value;
            if (english is not null)
            {
                gloss.Append(gloss.Length == 0 ? string.Empty : " ").Append(english);
            }
        }

        return gloss.Length == 0 ? sentence : gloss.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[.,][\p{N}]+)*")]
    private static partial Regex Token();
}
