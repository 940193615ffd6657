using System.Text.RegularExpressions;
using CommitmentTracker.Extraction.Rules;
using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction.Model;

/// <summary>
/// What the sentence scorer sees of a sentence: its words and stems (unigrams and stem bigrams), the cue rules that
/// fired on it, and signals that are not tied to one record's wording — a modal or future, a tentative word, a hedge,
/// "we"/"you"/"the parties", joint action, a time phrase, a sum of money, a party's name, quotation or reported
/// speech, past tense, a question, where the sentence stands (headline, lead, body) and how long it is. Every feature
/// is present or absent (no counts), so one record's repetitions do not weigh more.
/// </summary>
internal static partial class SentenceFeatures
{
    public const string Bias = "bias";

    public static IReadOnlyList<string> Of(
        Sentence sentence,
        int index,
        LanguageRules rules,
        IReadOnlyList<string> cueIds,
        bool hasAmount,
        bool namesParty)
    {
        var text = sentence.Text;
        var features = new HashSet<string>(StringComparer.Ordinal) { Bias };
        var words = Words.Of(text);
        string? previous = null;
        foreach (var word in words)
        {
            var lower = word.Text.ToLowerInvariant();
            features.Add("w:" + lower);
            features.Add("s:" + word.Stem);
            features.Add("b:" + (previous ?? "^") + "_" + word.Stem);
            previous = word.Stem;
        }

        if (cueIds.Count == 0)
        {
            features.Add("cue:none");
        }

        foreach (var id in cueIds)
        {
            features.Add("cue:" + id);
            features.Add("cuefamily:" + id[..Math.Max(0, id.IndexOf('.', StringComparison.Ordinal))]);
        }

        Flag(features, "modal", rules.FutureOrModal.IsMatch(text));
        Flag(features, "tentative", rules.TentativeWords.IsMatch(text));
        Flag(features, "hedge", rules.Hedge.IsMatch(text));
        Flag(features, "condition", rules.Condition.IsMatch(text));
        Flag(features, "we", rules.SpeakerSubject.IsMatch(text));
        Flag(features, "you", rules.AddresseeSubject.IsMatch(text));
        Flag(features, "joint", rules.JointSubject.IsMatch(text));
        Flag(features, "engagement", rules.Engagement.IsMatch(text));
        Flag(features, "not-a-commitment", rules.NotACommitment.IsMatch(text));
        Flag(features, "time", rules.TimeExpression.IsMatch(text));
        Flag(features, "amount", hasAmount);
        Flag(features, "party", namesParty);
        Flag(features, "trade", rules.TradeWords.IsMatch(text));
        Flag(features, "event", rules.EventWords.IsMatch(text));
        Flag(features, "quote", Quoted().IsMatch(text));
        Flag(features, "reported", (rules.Code == "ru" ? ReportedRu() : ReportedEn()).IsMatch(text));
        Flag(features, "past", (rules.Code == "ru" ? PastRu() : PastEn()).IsMatch(text));
        Flag(features, "question", text.TrimEnd().EndsWith('?'));
        if (features.Contains("modal") && features.Contains("we"))
        {
            features.Add("we+modal");
        }

        if (features.Contains("past") && !features.Contains("modal"))
        {
            features.Add("past-only");
        }

        features.Add(sentence.Paragraph == 0 ? "pos:headline" : index <= 3 ? "pos:lead" : "pos:body");
        features.Add(words.Count switch
        {
            <= 8 => "len:short",
            <= 20 => "len:medium",
            <= 35 => "len:long",
            _ => "len:very-long",
        });

        return [.. features.Order(StringComparer.Ordinal)];
    }

    private static void Flag(HashSet<string> features, string name, bool present)
    {
        if (present)
        {
            features.Add(name);
        }
    }

    [GeneratedRegex(@"[“”«»""]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?:said|says|noted|stressed|emphasi[sz]ed|added|according to|pointed out|told|underlined|believes)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportedEn();

    [GeneratedRegex(@"(?<![\p{L}])(?:сказал|отметил|подчеркнул|заявил|добавил|сообщил|по словам|считает|уверен)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReportedRu();

    [GeneratedRegex(@"\b(?:was|were|had|did|has been|have been|last year|ago)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastEn();

    // Russian past tense: the -л/-ла/-ли/-ло forms ("подписали", "выросла"), and "был/была/было/были".
    [GeneratedRegex(@"(?<![\p{L}])\p{L}{2,}(?:ал|ял|ил|ел|ыл|ала|яла|ила|ела|ыла|али|яли|или|ели|ыли|ало|яло|ило|ело)(?:сь|ся)?(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastRu();
}
