using System.Text.RegularExpressions;
using CommitmentTracker.Extraction.Rules;
using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction.Model;

/// <summary>
/// What the sentence scorer sees of a sentence: its words and stems (unigrams and stem bigrams), the cue rules that
/// fired on it, and signals that are not tied to one record's wording — a modal or future, a tentative word, a hedge,
/// "we"/"you"/"the parties", joint action, a time phrase, a sum of money, a party's name, quotation or reported
/// speech, past tense, a question, where the sentence stands (headline, lead, body) and how long it is; in Russian also
/// Snowball stems and their bigrams (<c>r:</c>, <c>rb:</c>, ADR 0037), which only a trainer that asks for them uses.
/// Every feature is present or absent (no counts), so one record's repetitions do not weigh more.
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
        string? previousRoot = null;
        var russian = rules.Code == "ru";
        foreach (var word in words)
        {
            var lower = word.Text.ToLowerInvariant();
            features.Add("w:" + lower);
            features.Add("s:" + word.Stem);
            features.Add("b:" + (previous ?? "^") + "_" + word.Stem);
            previous = word.Stem;
            if (russian)
            {
                // Snowball stems read every verb and participle form of a word as one (ADR 0037).
                var root = RussianStemmer.Stem(lower);
                features.Add("r:" + root);
                features.Add("rb:" + (previousRoot ?? "^") + "_" + root);
                previousRoot = root;
            }
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

        foreach (var signal in Signals(rules, text, hasAmount, namesParty))
        {
            features.Add(signal);
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

    /// <summary>
    /// The same features as <see cref="Of"/>, as the 64-bit FNV-1a hashes of their names (<see cref="Hash(string)"/>),
    /// computed over the sentence's characters without building a string per word, stem or bigram: the import scores
    /// with these (ADR 0033), training keeps the readable names, and a test holds the two equal on every dev sentence.
    /// Sorted and distinct.
    /// </summary>
    public static ulong[] Hashes(
        Sentence sentence,
        int index,
        LanguageRules rules,
        IReadOnlyList<string> cueIds,
        bool hasAmount,
        bool namesParty)
    {
        var text = sentence.Text;
        var hashes = new List<ulong>(3 * 40) { BiasHash };
        Span<char> lower = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        text.AsSpan().ToLowerInvariant(lower);
        Span<char> previousStem = text.Length <= 1024 ? stackalloc char[text.Length + 1] : new char[text.Length + 1];
        Span<char> stemBuffer = text.Length <= 1024 ? stackalloc char[text.Length + 1] : new char[text.Length + 1];
        var previousLength = -1;
        var words = 0;
        var russian = rules.Code == "ru";
        string? previousRoot = null;
        foreach (var match in Words.Pattern.EnumerateMatches(text))
        {
            words++;
            var word = lower.Slice(match.Index, match.Length);
            if (russian)
            {
                // The Snowball stem is a string: Russian is scored by the rules unless a Russian model is shipped.
                var root = RussianStemmer.Stem(word.ToString());
                hashes.Add(Continue(Continue(Offset, "r:"), root));
                hashes.Add(Continue(Continue(Continue(Continue(Offset, "rb:"), previousRoot ?? "^"), "_"), root));
                previousRoot = root;
            }

            hashes.Add(Continue(Continue(Offset, "w:"), word));
            var stemLength = Words.Stem(word, stemBuffer);
            var stem = stemBuffer[..stemLength];
            hashes.Add(Continue(Continue(Offset, "s:"), stem));
            var bigram = Continue(Offset, "b:");
            bigram = previousLength < 0 ? Continue(bigram, "^") : Continue(bigram, previousStem[..previousLength]);
            hashes.Add(Continue(Continue(bigram, "_"), stem));
            stem.CopyTo(previousStem);
            previousLength = stemLength;
        }

        if (cueIds.Count == 0)
        {
            hashes.Add(Hash("cue:none"));
        }

        foreach (var id in cueIds)
        {
            hashes.Add(Continue(Continue(Offset, "cue:"), id));
            hashes.Add(Continue(Continue(Offset, "cuefamily:"), id.AsSpan(0, Math.Max(0, id.IndexOf('.', StringComparison.Ordinal)))));
        }

        foreach (var signal in Signals(rules, text, hasAmount, namesParty))
        {
            hashes.Add(Hash(signal));
        }

        hashes.Add(Hash(sentence.Paragraph == 0 ? "pos:headline" : index <= 3 ? "pos:lead" : "pos:body"));
        hashes.Add(Hash(words switch
        {
            <= 8 => "len:short",
            <= 20 => "len:medium",
            <= 35 => "len:long",
            _ => "len:very-long",
        }));

        hashes.Sort();
        var distinct = new List<ulong>(hashes.Count);
        foreach (var h in hashes)
        {
            if (distinct.Count == 0 || distinct[^1] != h)
            {
                distinct.Add(h);
            }
        }

        return [.. distinct];
    }

    private const ulong Offset = 14695981039346656037;

    private const ulong Prime = 1099511628211;

    private static readonly ulong BiasHash = Hash(Bias);

    /// <summary>64-bit FNV-1a over the name's UTF-16 code units: a feature's hash is a function of its name.</summary>
    public static ulong Hash(string name) => Continue(Offset, name);

    private static ulong Continue(ulong hash, ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    // The sentence-level signals that are present, by name: one list for the named features and their hashes.
    private static IEnumerable<string> Signals(LanguageRules rules, string text, bool hasAmount, bool namesParty)
    {
        var modal = rules.FutureOrModal.IsMatch(text);
        var we = rules.SpeakerSubject.IsMatch(text);
        var past = (rules.Code == "ru" ? PastRu() : PastEn()).IsMatch(text);
        (string Name, bool Present)[] signals =
        [
            ("modal", modal),
            ("tentative", rules.TentativeWords.IsMatch(text)),
            ("hedge", rules.Hedge.IsMatch(text)),
            ("condition", rules.Condition.IsMatch(text)),
            ("we", we),
            ("you", rules.AddresseeSubject.IsMatch(text)),
            ("joint", rules.JointSubject.IsMatch(text)),
            ("engagement", rules.Engagement.IsMatch(text)),
            ("not-a-commitment", rules.CommitsToNothing(text)),
            ("time", rules.TimeExpression.IsMatch(text)),
            ("amount", hasAmount),
            ("party", namesParty),
            ("trade", rules.TradeWords.IsMatch(text)),
            ("event", rules.EventWords.IsMatch(text)),
            ("quote", Quoted().IsMatch(text)),
            ("reported", (rules.Code == "ru" ? ReportedRu() : ReportedEn()).IsMatch(text)),
            ("past", past),
            ("question", text.TrimEnd().EndsWith('?')),
            ("we+modal", modal && we),
            ("past-only", past && !modal),
        ];
        return signals.Where(s => s.Present).Select(s => s.Name);
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
