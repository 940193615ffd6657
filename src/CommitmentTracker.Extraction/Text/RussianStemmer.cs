namespace CommitmentTracker.Extraction.Text;

/// <summary>
/// The Snowball stemmer for Russian (snowballstem.org/algorithms/russian/stemmer.html), written out by hand so the
/// library needs no package (one simplification: of an ending that needs "а"/"я" before it, only the forms that have
/// one are tried, where Snowball gives up on the longest). <see cref="Words.Stem(string)"/> drops one ending, which is enough to match names; the
/// sentence model needs the verb and participle endings gone too ("поручил", "поручено", "поручаю" → "поруч…"), so
/// that one record's verb form teaches the model about the others (ADR 0037).
/// </summary>
internal static class RussianStemmer
{
    private const string Vowels = "аеиоуыэюя";

    private static readonly string[] PerfectiveGerund1 = ["вшись", "вши", "в"];
    private static readonly string[] PerfectiveGerund2 = ["ившись", "ывшись", "ивши", "ывши", "ив", "ыв"];
    private static readonly string[] Adjective =
    [
        "ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом",
        "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею",
    ];

    private static readonly string[] Participle1 = ["ем", "нн", "вш", "ющ", "щ"];
    private static readonly string[] Participle2 = ["ивш", "ывш", "ующ"];
    private static readonly string[] Reflexive = ["ся", "сь"];
    private static readonly string[] Verb1 = ["ете", "йте", "ешь", "нно", "ла", "на", "ли", "ем", "ло", "но", "ет", "ют", "ны", "ть", "й", "л", "н"];
    private static readonly string[] Verb2 =
    [
        "ейте", "уйте", "ила", "ыла", "ена", "ите", "или", "ыли", "ило", "ыло", "ено", "ует", "уют", "ены", "ить", "ыть",
        "ишь", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ят", "ит", "ыт", "ую", "ю",
    ];

    private static readonly string[] Noun =
    [
        "иями", "ями", "ами", "ией", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи", "ии", "ей", "ой", "ий", "ям", "ем",
        "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й", "о", "у", "ы", "ь", "ю", "я",
    ];

    private static readonly string[] Superlative = ["ейше", "ейш"];
    private static readonly string[] Derivational = ["ость", "ост"];

    /// <summary>The stem of a Russian word (lower-cased, "ё" read as "е"); a word that is not Cyrillic comes back lower-cased.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant().Replace('ё', 'е');
        var rv = Rv(w);
        if (rv >= w.Length)
        {
            return w;
        }

        var r2 = R2(w);

        // Step 1: a perfective gerund, else a reflexive ending and then an adjectival, verb or noun ending.
        if (!TryRemovePreceded(ref w, rv, PerfectiveGerund1) && !TryRemove(ref w, rv, PerfectiveGerund2))
        {
            TryRemove(ref w, rv, Reflexive);
            if (TryRemove(ref w, rv, Adjective))
            {
                // An adjectival ending may carry a participle suffix before it.
                if (!TryRemovePreceded(ref w, rv, Participle1))
                {
                    TryRemove(ref w, rv, Participle2);
                }
            }
            else if (!TryRemovePreceded(ref w, rv, Verb1) && !TryRemove(ref w, rv, Verb2))
            {
                TryRemove(ref w, rv, Noun);
            }
        }

        // Step 2: a final "и".
        if (w.Length > rv && w.EndsWith('и'))
        {
            w = w[..^1];
        }

        // Step 3: a derivational ending in R2.
        TryRemove(ref w, r2, Derivational);

        // Step 4: undouble "н", or drop a superlative (then undouble), or drop a final soft sign.
        if (w.Length - 2 >= rv && w.EndsWith("нн", StringComparison.Ordinal))
        {
            w = w[..^1];
        }
        else if (TryRemove(ref w, rv, Superlative))
        {
            if (w.Length - 2 >= rv && w.EndsWith("нн", StringComparison.Ordinal))
            {
                w = w[..^1];
            }
        }
        else if (w.Length > rv && w.EndsWith('ь'))
        {
            w = w[..^1];
        }

        return w;
    }

    // RV: the part after the first vowel.
    private static int Rv(string w)
    {
        for (var i = 0; i < w.Length; i++)
        {
            if (Vowels.Contains(w[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    // R1: after the first non-vowel that follows a vowel; R2: the same rule applied again inside R1.
    private static int R(string w, int from)
    {
        for (var i = from + 1; i < w.Length; i++)
        {
            if (!Vowels.Contains(w[i], StringComparison.Ordinal) && Vowels.Contains(w[i - 1], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    private static int R2(string w)
    {
        var r1 = R(w, 0);
        return r1 >= w.Length ? w.Length : R(w, r1);
    }

    // The longest of the endings that lies inside the region is removed.
    private static bool TryRemove(ref string w, int region, string[] endings)
    {
        var best = -1;
        foreach (var e in endings)
        {
            if (e.Length > best && w.Length - e.Length >= region && w.EndsWith(e, StringComparison.Ordinal))
            {
                best = e.Length;
            }
        }

        if (best < 0)
        {
            return false;
        }

        w = w[..^best];
        return true;
    }

    // Group-1 endings count only after "а" or "я", which stays (and must itself lie in the region).
    private static bool TryRemovePreceded(ref string w, int region, string[] endings)
    {
        var best = -1;
        foreach (var e in endings)
        {
            var at = w.Length - e.Length;
            if (e.Length > best && at - 1 >= region && w.EndsWith(e, StringComparison.Ordinal) && w[at - 1] is 'а' or 'я')
            {
                best = e.Length;
            }
        }

        if (best < 0)
        {
            return false;
        }

        w = w[..^best];
        return true;
    }
}
