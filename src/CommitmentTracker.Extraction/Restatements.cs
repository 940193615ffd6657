using System.Text.RegularExpressions;
using CommitmentTracker.Extraction.Rules;
using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction;

/// <summary>
/// A record often says an undertaking twice: the news lead paraphrases it, then the speaker's own words follow
/// ("Belarus is ready to supply…" … "We are ready to supply…"). Two proposals of the same kind whose content words
/// mostly coincide become one proposal citing both passages, with the attributes of the stronger cue.
/// </summary>
internal static partial class Restatements
{
    /// <summary>Share of the shorter passage's content words the longer one must contain.</summary>
    private const double Overlap = 0.6;

    /// <summary>Content words the two passages must share, so that two short, generic passages are not merged.</summary>
    private const int MinimumShared = 3;

    /// <summary>A headline is short and paraphrases: less of it needs to recur.</summary>
    private const double HeadlineOverlap = 0.4;

    /// <summary>How many sentences back a passage that points back ("this figure", "in this respect") may refer.</summary>
    private const int Nearby = 3;

    /// <summary>Content words of a passage that mostly points back rather than saying something new.</summary>
    private const int ShortPassage = 4;

    /// <summary>Letters of a stem that two forms of one word share in either language ("предлагает"/"предлагаю").</summary>
    private const int RootLength = 5;

    public static IReadOnlyList<Draft> Merge(IReadOnlyList<Draft> drafts, LanguageRules rules, double? sameSidesOverlap = null, double? reportedQuoteOverlap = null, TopicMerge? topic = null, IReadOnlySet<string>? partyStems = null)
    {
        var merged = new List<(Draft Draft, HashSet<string> Content)>();
        var roots = new List<(HashSet<string> Roots, bool FirstPerson)>();
        foreach (var draft in drafts)
        {
            var quote = draft.Clause;
            var content = Content(quote, rules);
            var own = reportedQuoteOverlap is null ? default : (Roots: Roots(content), FirstPerson: FirstPerson(rules).IsMatch(quote));
            var twin = merged.FindIndex(m => Restates(m.Draft, m.Content, draft, content, quote, rules)
                || (sameSidesOverlap is { } least && SameSides(m.Draft, m.Content, draft, content, least)));
            if (twin < 0 && reportedQuoteOverlap is { } share)
            {
                for (var i = 0; i < merged.Count && twin < 0; i++)
                {
                    twin = ReportedThenQuoted(merged[i].Draft, roots[i], draft, own, share) ? i : -1;
                }
            }

            // A passage that adds an item ("Belarus is also ready to…", «Кроме того…») is not what the headline said.
            if (twin < 0 && topic is not null && !rules.NewItem.IsMatch(quote))
            {
                twin = SameTopic(merged, draft, content, topic, rules, partyStems ?? EmptyStems);
            }

            if (twin < 0 && topic is { Adjacent: > 0 } && merged.Count > 0 && Continues(merged[^1].Draft, draft, quote, topic.Adjacent, rules))
            {
                twin = merged.Count - 1;
            }

            if (twin < 0 && merged.Count > 0 && Details(merged[^1].Draft, draft, quote, rules))
            {
                twin = merged.Count - 1;
            }

            if (twin >= 0 && twin != merged.Count - 1 && rules.PointsBack.IsMatch(quote) && !SameContent(merged[twin].Draft, merged[twin].Content, draft, content))
            {
                // Pointing back means the proposal just before, not an older one.
                twin = Restates(merged[^1].Draft, merged[^1].Content, draft, content, quote, rules) ? merged.Count - 1 : -1;
            }
            if (twin < 0)
            {
                merged.Add((draft, content));
                roots.Add(own);
                continue;
            }

            var (kept, keptContent) = merged[twin];
            var stronger = draft.Strength > kept.Strength ? draft : kept;
            merged[twin] = (stronger with
            {
                Spans = [.. kept.Spans.Concat(draft.Spans).OrderBy(s => s.Start)],
                Due = stronger.Due ?? (ReferenceEquals(stronger, kept) ? draft.Due : kept.Due),
                Amounts = [.. kept.Amounts.Concat(draft.Amounts).DistinctBy(a => (a.Value, a.Currency))],
                Mentioned = [.. kept.Mentioned.Union(draft.Mentioned)],
                Sentence = Math.Max(kept.Sentence, draft.Sentence),
                Paragraph = Math.Min(kept.Paragraph, draft.Paragraph),
            }, [.. keptContent.Union(content)]);
            if (reportedQuoteOverlap is not null)
            {
                roots[twin] = ([.. roots[twin].Roots.Union(own.Roots)], roots[twin].FirstPerson || own.FirstPerson);
            }
        }

        return [.. merged.Select(m => m.Draft)];
    }

    /// <summary>
    /// The same undertaking again: the same kind with mostly the same content words; the next sentence pointing back
    /// to it ("You can count on us in this respect"); or the body restating the headline in other words.
    /// </summary>
    private static bool Restates(Draft earlier, HashSet<string> earlierContent, Draft later, HashSet<string> laterContent, string laterQuote, LanguageRules rules)
    {
        // Different dates or sums are different undertakings, however alike the words ("Days of Belarus in the region
        // in autumn", "Days of the region in Belarus in spring").
        if ((earlier.Due is not null && later.Due is not null && earlier.Due != later.Due)
            || (earlier.Amounts.Count > 0 && later.Amounts.Count > 0 && !earlier.Amounts.Any(a => later.Amounts.Any(b => a.Value == b.Value && a.Currency == b.Currency))))
        {
            return false;
        }

        // "Belarus is also ready to cooperate … in the R&D sector" adds an item, however many words it shares with the
        // last one; "The President also reaffirmed…" says it again.
        if (rules.NewItem.IsMatch(laterQuote) && !rules.SaysAgain.IsMatch(laterQuote))
        {
            return false;
        }

        var shared = earlierContent.Count(laterContent.Contains);
        var smaller = Math.Min(earlierContent.Count, laterContent.Count);
        if (earlier.Kind == later.Kind && shared >= MinimumShared && shared >= Overlap * smaller)
        {
            return true;
        }

        if (rules.NewItem.IsMatch(laterQuote))
        {
            return false;
        }

        // Pointing back ("You can count on us in this respect") makes a short passage part of what came just before;
        // a passage with much to say of its own is a new undertaking that merely refers to the last one.
        var distance = later.Sentence - earlier.Sentence;
        if (distance is > 0 and <= Nearby && rules.PointsBack.IsMatch(laterQuote) && laterContent.Count <= ShortPassage)
        {
            return true;
        }

        // The same cue again a sentence or two later about the same things ("invited Ruto to Belarus" … "I want to
        // invite you to Belarus").
        if (distance is > 0 and <= Nearby && earlier.Cue == later.Cue && earlier.Kind == later.Kind && shared >= 2)
        {
            return true;
        }

        // A headline restates the body in other words, often with another cue ("X urged officials…" / "I ask…").
        return earlier.Paragraph == 0 && earlier.Kind == later.Kind && shared >= 2 && shared >= HeadlineOverlap * smaller;
    }

    private static readonly HashSet<string> EmptyStems = [];

    /// <summary>
    /// The news lead or headline restated by the body (ADR 0045): the earlier passage stands in the headline or the
    /// lead (the first paragraphs, where a news item says in the third person what the quote then says), the later
    /// one comes after it; the same kind, no different date or sum, optionally the same lead and counterpart, and they
    /// share words about the matter itself: the parties' own names are left out, since every passage of a meeting
    /// record names the same sides. Of several earlier passages, the one sharing the most words is taken.
    /// </summary>
    private static int SameTopic(List<(Draft Draft, HashSet<string> Content)> merged, Draft later, HashSet<string> laterContent, TopicMerge topic, LanguageRules rules, IReadOnlySet<string> partyStems)
    {
        var own = Matter(laterContent, partyStems, topic.Roots);
        var best = -1;
        var most = 0;
        for (var i = 0; i < merged.Count; i++)
        {
            var earlier = merged[i].Draft;
            if (earlier.Paragraph > topic.LeadParagraphs || earlier.Kind != later.Kind || Conflict(earlier, later)
                || (topic.SameSides && (!earlier.Lead.SequenceEqual(later.Lead) || !earlier.Counterparts.SequenceEqual(later.Counterparts))))
            {
                continue;
            }

            var theirs = Matter(merged[i].Content, partyStems, topic.Roots);
            var shared = theirs.Count(own.Contains);
            if (shared >= topic.MinimumShared && shared >= topic.Share * Math.Min(theirs.Count, own.Count) && shared > most)
            {
                (best, most) = (i, shared);
            }
        }

        return best;
    }

    /// <summary>
    /// A quote that goes on about the same undertaking: the next sentence or so of the same paragraph, the same kind and
    /// sides, no different date or sum, and not opening a further item ("Besides", "Кроме того").
    /// </summary>
    private static bool Continues(Draft earlier, Draft later, string laterQuote, int within, LanguageRules rules) =>
        earlier.Paragraph == later.Paragraph && later.Sentence - earlier.Sentence is > 0 and var distance && distance <= within
        && earlier.Kind == later.Kind && earlier.Lead.SequenceEqual(later.Lead) && earlier.Counterparts.SequenceEqual(later.Counterparts)
        && !Conflict(earlier, later) && !rules.NewItem.IsMatch(laterQuote);

    /// <summary>
    /// The very next sentence taking up the same undertaking (ADR 0122): it opens on the same actors ("They should…"),
    /// takes the undertaking up as "it"/"them" ("we will do it") or details it ("In particular, …", «Например, …»), with
    /// the same kind and sides, no different date or sum, and no word opening a further item. A next sentence that merely
    /// goes on in the same vein is not enough: as often as not it is the next undertaking (ADR 0045). Nor is "this plan"
    /// (<see cref="LanguageRules.PointsBack"/>), which on the dev records as often named a plan said earlier.
    /// </summary>
    private static bool Details(Draft earlier, Draft later, string laterQuote, LanguageRules rules) =>
        earlier.Paragraph == later.Paragraph && later.Sentence - earlier.Sentence == 1
        && earlier.Kind == later.Kind && earlier.Lead.SequenceEqual(later.Lead) && earlier.Counterparts.SequenceEqual(later.Counterparts)
        && !Conflict(earlier, later) && !rules.NewItem.IsMatch(laterQuote)
        && (rules.AnaphoricStart.IsMatch(laterQuote) || rules.Elaboration.IsMatch(laterQuote));

    private static bool Conflict(Draft earlier, Draft later) =>
        (earlier.Due is not null && later.Due is not null && earlier.Due != later.Due)
        || (earlier.Amounts.Count > 0 && later.Amounts.Count > 0 && !earlier.Amounts.Any(a => later.Amounts.Any(b => a.Value == b.Value && a.Currency == b.Currency)));

    /// <summary>The content stems of a passage without the parties' names, as word roots when asked (a verb's person and tense change between a lead and a quote).</summary>
    private static HashSet<string> Matter(HashSet<string> content, IReadOnlySet<string> partyStems, bool roots)
    {
        var matter = content.Where(stem => !partyStems.Contains(stem));
        return roots ? [.. matter.Select(stem => stem.Length > RootLength ? stem[..RootLength] : stem)] : [.. matter];
    }

    /// <summary>The stems of every registered party name, in both languages (what <see cref="SameTopic"/> leaves out).</summary>
    public static IReadOnlySet<string> PartyStems(IEnumerable<KnownParty> parties) =>
        parties.SelectMany(p => p.Names).SelectMany(n => Words.Of(n)).Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The same undertaking said by the same sides: the same lead and counterpart, the same kind, no different date or
    /// sum, and at least <paramref name="least"/> of the shorter passage's stems in the other, however far apart.
    /// </summary>
    private static bool SameSides(Draft earlier, HashSet<string> earlierContent, Draft later, HashSet<string> laterContent, double least)
    {
        if (earlier.Kind != later.Kind || !earlier.Lead.SequenceEqual(later.Lead) || !earlier.Counterparts.SequenceEqual(later.Counterparts)
            || (earlier.Due is not null && later.Due is not null && earlier.Due != later.Due)
            || (earlier.Amounts.Count > 0 && later.Amounts.Count > 0 && !earlier.Amounts.Any(a => later.Amounts.Any(b => a.Value == b.Value && a.Currency == b.Currency))))
        {
            return false;
        }

        var shared = earlierContent.Count(laterContent.Contains);
        return shared >= 2 && shared >= least * Math.Min(earlierContent.Count, laterContent.Count);
    }

    /// <summary>
    /// The news lead's paraphrase in reported speech and the speaker's own words ("Лукашенко предложил развивать…" …
    /// "Мы предлагаем развивать…"): one passage speaks of the sides in the third person, the other in the first; the
    /// same kind; no different date or sum; and at least <paramref name="least"/> of the shorter passage's word roots
    /// (a stem's first letters, since a verb's person changes between the two) in the other, however far apart.
    /// </summary>
    private static bool ReportedThenQuoted(Draft earlier, (HashSet<string> Roots, bool FirstPerson) earlierRoots, Draft later, (HashSet<string> Roots, bool FirstPerson) laterRoots, double least)
    {
        if (earlier.Kind != later.Kind || earlierRoots.FirstPerson == laterRoots.FirstPerson
            || (earlier.Due is not null && later.Due is not null && earlier.Due != later.Due)
            || (earlier.Amounts.Count > 0 && later.Amounts.Count > 0 && !earlier.Amounts.Any(a => later.Amounts.Any(b => a.Value == b.Value && a.Currency == b.Currency))))
        {
            return false;
        }

        var shared = earlierRoots.Roots.Count(laterRoots.Roots.Contains);
        return shared >= 2 && shared >= least * Math.Min(earlierRoots.Roots.Count, laterRoots.Roots.Count);
    }

    private static HashSet<string> Roots(HashSet<string> content) =>
        [.. content.Select(stem => stem.Length > RootLength ? stem[..RootLength] : stem)];

    private static Regex FirstPerson(LanguageRules rules) => rules.Code == "ru" ? FirstPersonRu() : FirstPersonEn();

    [GeneratedRegex(@"(?<!\p{L})(?:мы|я|нам|нас|наш\p{L}*|мне|меня|мо[йяеи]\p{L}*)(?!\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstPersonRu();

    [GeneratedRegex(@"\b(?:[Ww]e|I|[Uu]s|[Oo]ur|[Mm]y|[Mm]e)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPersonEn();

    private static bool SameContent(Draft earlier, HashSet<string> earlierContent, Draft later, HashSet<string> laterContent)
    {
        var shared = earlierContent.Count(laterContent.Contains);
        return earlier.Kind == later.Kind && shared >= MinimumShared && shared >= Overlap * Math.Min(earlierContent.Count, laterContent.Count);
    }

    internal static HashSet<string> Content(string quote, LanguageRules rules) =>
        [.. Words.Of(quote).Where(w => (w.Text.Length > 2 || char.IsDigit(w.Text[0])) && !rules.StopWords.Contains(w.Text)).Select(w => w.Stem)];
}

/// <summary>
/// How the headline-and-lead restatement merge reads (ADR 0045): the earlier passage must stand in the first
/// <see cref="LeadParagraphs"/> + 1 paragraphs; the two must share at least <see cref="MinimumShared"/> words about the
/// matter and that share of the shorter one's; <see cref="SameSides"/> asks for the same lead and counterpart;
/// <see cref="Roots"/> compares a stem's first five letters.
/// </summary>
internal sealed record TopicMerge(int LeadParagraphs = 1, int MinimumShared = 1, double Share = 0, bool SameSides = true, bool Roots = true)
{
    /// <summary>When above 0, a passage this many sentences or fewer after the last one, in the same paragraph, continues it (<c>Continues</c>).</summary>
    public int Adjacent { get; init; }
}
