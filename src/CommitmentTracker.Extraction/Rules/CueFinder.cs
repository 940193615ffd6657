using System.Text;
using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Extraction.Parties;
using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction.Rules;

/// <summary>Applies a language's cue rules to a sentence: the first rule (in priority order) whose conditions hold fires.</summary>
internal static partial class CueFinder
{
    /// <summary>How many sentences back trade talk makes a bare "we can grow" a trade target.</summary>
    public const int TradeContextSentences = 3;

    /// <summary>
    /// The proposals of one sentence. <paramref name="before"/> holds the sentences before it (all of them, or the
    /// last few), nearest last: a target often leaves its subject there ("Today it is $5.5 billion. This is not our
    /// level. We can grow").
    /// </summary>
    public static IEnumerable<CueMatch> Find(Sentence sentence, LanguageRules rules, PartyMatcher matcher, IReadOnlyList<Sentence>? before = null)
    {
        var text = sentence.Text;

        // Read the sentences before only when a rule asks (most sentences never reach one that does).
        bool? talk = null;
        bool TradeTalk() => talk ??= TalksTrade(sentence, before, rules);
        if (rules.CommitsToNothing(text))
        {
            return [];
        }

        // A sentence that joins two undertakings ("X should be done, while the task is Y"; "если нужно…, если…")
        // gives one proposal per clause; otherwise the whole sentence is the passage.
        var clauses = Clauses(sentence, rules);
        if (clauses.Count > 1)
        {
            // A clause inherits the sentence's mood: "We are ready to supply buses, and to reach $1 billion" is modal throughout.
            var modal = rules.FutureOrModal.IsMatch(text);
            var perClause = clauses.Select(c => First(c, rules, matcher, modal, TradeTalk)).OfType<CueMatch>().Select(c => c with { Sentence = text }).ToList();
            if (perClause.Count > 1)
            {
                return perClause;
            }
        }

        return First(sentence, rules, matcher, rules.FutureOrModal.IsMatch(text), TradeTalk) is { } whole ? [whole] : [];
    }

    /// <summary>The cue of a proposal the sentence model made: no rule fired, so the sentence is its own passage.</summary>
    public static readonly CueRule ModelCue = new("model", CueFamily.Statement, NeverMatches(), null, 0.5, TitleFromAction: false);

    /// <summary>
    /// A model proposal read like a rule's: the cue is the sentence's first modal or future word (else its start), so
    /// the subject before it finds the lead as for any other cue ("the region will purchase…" → the region).
    /// </summary>
    public static CueMatch ForModel(Sentence sentence, LanguageRules rules)
    {
        var text = sentence.Text;
        var modal = rules.FutureOrModal.Match(text);
        var cueIndex = modal.Success ? modal.Index : 0;
        var before = rules.TrailingAdverbs.Replace(text[..cueIndex], string.Empty).TrimEnd(' ', ',', '—', '–', '-');
        return new CueMatch(ModelCue, sentence.Start, sentence.End, text, cueIndex, modal.Success ? modal.Length : 0, ClauseOf(before));
    }

    /// <summary>
    /// The grammatical subject of each auxiliary of the future or of modality in the sentence ("will", "can", "should",
    /// "need to"; English only): the words before it back to the last clause break or subordinating word ("…hope that
    /// your visit will" gives "your visit"), and whether a passive follows ("will be supplied"). Empty without one.
    /// </summary>
    public static IEnumerable<(string Subject, bool Passive)> AuxiliarySubjects(string text, LanguageRules rules)
    {
        if (rules.Code != "en")
        {
            yield break;
        }

        foreach (Match aux in Auxiliary().Matches(text))
        {
            var before = rules.TrailingAdverbs.Replace(text[..aux.Index], string.Empty).TrimEnd(' ', ',', '—', '–', '-');
            var clause = ClauseOf(before);
            var subordinate = Subordinator().Matches(clause);
            var subject = subordinate.Count > 0 ? clause[(subordinate[^1].Index + subordinate[^1].Length)..].Trim() : clause;
            yield return (subject, PassiveAfter().IsMatch(text, aux.Index + aux.Length));
        }
    }

    [GeneratedRegex(@"\b(?:will|shall|should|can|could|must|would|may|might|need\s+to|needs\s+to|have\s+to|has\s+to|going\s+to)\b|['’]ll\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Auxiliary();

    [GeneratedRegex(@"\b(?:that|which|who|whom|whose|if|when|whether|because|since|as|so|while|although|though|unless|until|where|how|what)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Subordinator();

    [GeneratedRegex(@"\G\s+(?:(?:also|further|then|certainly|definitely|surely|jointly)\s+)?(?:not\s+)?be\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn|ld|lt|nt|pt|ught|ung|id)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PassiveAfter();

    [GeneratedRegex("(?!)")]
    private static partial Regex NeverMatches();

    private static bool TalksTrade(Sentence sentence, IReadOnlyList<Sentence>? before, LanguageRules rules)
    {
        if (rules.TradeWords.IsMatch(sentence.Text) || rules.MoneyContext.IsMatch(sentence.Text))
        {
            return true;
        }

        var previous = before ?? [];
        for (var i = previous.Count - 1; i >= Math.Max(0, previous.Count - TradeContextSentences); i--)
        {
            if (rules.TradeWords.IsMatch(previous[i].Text) || rules.MoneyContext.IsMatch(previous[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static CueMatch? First(Sentence sentence, LanguageRules rules, PartyMatcher matcher, bool hasModal, Func<bool> tradeTalk)
    {
        var text = sentence.Text;
        foreach (var rule in rules.Cues)
        {
            if ((rule.NeedsModal && !hasModal) || (rule.HeadlineOnly && sentence.Paragraph != 0))
            {
                continue;
            }

            foreach (Match match in rule.Pattern.Matches(text))
            {
                if (rule.NeedsTradeContext && !tradeTalk())
                {
                    break;
                }

                if (Accepts(text, rule, match, rules, matcher, out var subject, out var cueIndex))
                {
                    return new CueMatch(rule, sentence.Start, sentence.End, text, cueIndex, match.Index + match.Length - cueIndex, subject);
                }
            }
        }

        return null;
    }

    private static List<Sentence> Clauses(Sentence sentence, LanguageRules rules)
    {
        var clauses = new List<Sentence>();
        var start = 0;
        foreach (Match boundary in rules.ClauseBoundary.Matches(sentence.Text))
        {
            Add(start, boundary.Index);
            start = boundary.Index + boundary.Length;
        }

        Add(start, sentence.Text.Length);
        return clauses;

        void Add(int from, int to)
        {
            var piece = sentence.Text[from..to];
            var trimmedStart = from + (piece.Length - piece.TrimStart().Length);
            var trimmedEnd = to - (piece.Length - piece.TrimEnd(' ', ',', ';', '.').Length);
            if (trimmedEnd - trimmedStart >= 12)
            {
                clauses.Add(new Sentence(sentence.Start + trimmedStart, sentence.Start + trimmedEnd, sentence.Text[trimmedStart..trimmedEnd], sentence.Paragraph));
            }
        }
    }

    private static bool Accepts(string sentence, CueRule rule, Match match, LanguageRules rules, PartyMatcher matcher, out string subject, out int cueIndex)
    {
        var modal = match.Groups["modal"];
        cueIndex = modal.Success ? modal.Index : match.Index;
        var before = rules.TrailingAdverbs.Replace(sentence[..cueIndex], string.Empty).TrimEnd(' ', ',', '—', '–', '-');
        subject = ClauseOf(before);

        // A list of names is one subject: "Belarus, Russia's Tula Oblast can reach…".
        while (subject.Length < before.Length && before[..^subject.Length].TrimEnd() is var rest && rest.EndsWith(',') && matcher.EndingWith(rest[..^1]) is not null)
        {
            var names = Words.Of(rest[..^1]);
            subject = before[names[Math.Max(0, names.Count - 4)].Start..].Trim();
        }
        // A pledge said after what it pledges ("This is the main thing, I assure you.") pledges that clause, and a clause
        // with no future or modal in it undertakes nothing. A cue that is an undertaking itself ("…can count on us") stands.
        if (rule.Family == CueFamily.Pledge && sentence.AsSpan(match.Index + match.Length).Trim(Afterword).IsEmpty
            && !rules.FutureOrModal.IsMatch(match.Value) && !rules.FutureOrModal.IsMatch(before))
        {
            return false;
        }

        if (rule.Subject == SubjectNeed.Actor)
        {
            if (rules.ImpersonalSubject.IsMatch(subject))
            {
                return false;
            }

            if (!rules.ActorSubject.IsMatch(subject) && matcher.EndingWith(subject) is null && !rules.HomeCountryWords.IsMatch(subject))
            {
                return false;
            }
        }

        // An undertaking whose actor is the other side or both sides is about the relationship by its subject alone
        // ("you should come more often", "the parties need to meet"): it needs no words of joint action. The last-resort
        // cue (any modal, its modality read from the sentence) still does: "you can see", "you will be interested".
        if (rule.Modality is not null && (rules.AddresseeSubject.IsMatch(subject) || rules.JointSubject.IsMatch(subject)))
        {
            return true;
        }

        return rule.Engagement switch
        {
            Engagement.Anywhere => rules.Engagement.IsMatch(sentence),
            Engagement.AfterCue => rules.Engagement.IsMatch(sentence, match.Index + match.Length),
            Engagement.AnywhereOrAction => rules.Engagement.IsMatch(sentence) || rules.ActionAfterCue?.IsMatch(sentence, match.Index + match.Length) == true,
            _ => true,
        };
    }

    /// <summary>What may follow a sentence's last word: its end, a closing quote, a dash before who said it.</summary>
    private const string Afterword = " .!…,;:\"'”»’—–-";

    /// <summary>The subject's clause: the words before the cue back to the last clause break ("…, and we can").</summary>
    private static string ClauseOf(string before)
    {
        var cut = before.LastIndexOfAny([';', ':', '(', '«', '“', '"']);
        var comma = before.LastIndexOf(", ", StringComparison.Ordinal);
        var start = Math.Max(cut, comma) + 1;
        var clause = before[start..].Trim();
        return clause.Length == 0 ? before.Trim() : clause;
    }

    /// <summary>
    /// Firm cues stay firm unless the sentence makes them depend on a need or capacity; tentative cues become
    /// conditional only when the condition leads ("If there is no such possibility, we are ready to…"), since a
    /// trailing "if needed" merely scopes an offer, or when it is "only if". A leading condition of any content counts
    /// unless the sentence is hedged. Cues without a modality of their own read the sentence's words.
    /// </summary>
    public static Modality ReadModality(string sentence, CueMatch cue, LanguageRules rules)
    {
        var rule = cue.Rule;
        var moodOf = rules.FutureOrModal.IsMatch(sentence) ? sentence : cue.Sentence;
        var modality = rule.Modality ?? (rules.TentativeWords.IsMatch(moodOf) ? Modality.Tentative : Modality.Firm);
        if (rule.Family == CueFamily.Instruction)
        {
            return modality;
        }

        // A firm cue hedged by the speaker ("I think … we will", "probably", "we will do our best") is tentative.
        if (modality == Modality.Firm && (rules.Hedge.IsMatch(sentence)
            || (rule.Family is CueFamily.Statement or CueFamily.Decision && rules.TentativeWords.IsMatch(sentence[..cue.CueIndex]))))
        {
            modality = Modality.Tentative;
        }

        // A tentative cue followed by a firm undertaking of the speaker's side ("You should know that we will facilitate…",
        // «будьте уверены, мы будем свято соблюдать»): the strongest binding wording decides, unless hedged.
        if (modality == Modality.Tentative && rule.Family == CueFamily.Proposal && !rules.Hedge.IsMatch(sentence)
            && rules.FirmUndertaking.IsMatch(sentence, Math.Min(cue.CueIndex + cue.CueLength, sentence.Length)))
        {
            modality = Modality.Firm;
        }

        var condition = rules.Condition.Match(sentence);
        if (condition.Success && (modality == Modality.Firm || condition.Index < cue.CueIndex))
        {
            return Modality.Conditional;
        }

        // Any condition that leads ("If you opt for our machines, Belarus will be able to…"), or "only if" wherever it
        // stands, makes the undertaking hang on it, unless the speaker hedges the whole ("I think if … we will").
        var any = rules.AnyCondition.Match(sentence);
        return any.Success && (any.Index < cue.CueIndex || any.Groups["only"].Success) && !rules.Hedge.IsMatch(sentence)
            ? Modality.Conditional
            : modality;
    }
}

/// <summary>A proposal's kind from its words and its cue family.</summary>
internal static partial class Classifier
{
    public static CommitmentKind Kind(string sentence, CueFamily family, string? due, IReadOnlyList<Amount> amounts, LanguageRules rules)
    {
        if ((rules.EventWords.IsMatch(sentence) && (family is CueFamily.Event or CueFamily.Instruction || due is not null))
            || (family is CueFamily.Event && rules.Gathering.IsMatch(sentence) && !rules.TalksOrVisit.IsMatch(sentence)))
        {
            return CommitmentKind.CulturalEvent;
        }

        if (family == CueFamily.Hub || rules.HubWords.IsMatch(sentence))
        {
            return CommitmentKind.Hub;
        }

        // "Reach a new level of cooperation" aims at relations, not at trade: no trade word, no sum.
        var relationsOnly = amounts.Count == 0 && rules.RelationsLevel.IsMatch(sentence) && !rules.TradeWords.IsMatch(sentence);

        // "Ready to increase exports of machinery to the region": supplies of goods, with no figure, are not a target; a
        // multiple of today's exports ("double our exports") is one.
        var exportsOfGoods = amounts.Count == 0 && rules.TradeWords.IsMatch(sentence) && !rules.TradeVolume.IsMatch(sentence) && !Multiple().IsMatch(sentence);
        if (!relationsOnly && !exportsOfGoods && (family == CueFamily.Target
            || (rules.TradeWords.IsMatch(sentence) && rules.TargetVerbs.IsMatch(sentence))
            || (amounts.Count > 0 && (rules.TargetVerbs.IsMatch(sentence) || rules.TradeWords.IsMatch(sentence)))))
        {
            return CommitmentKind.TradeTarget;
        }

        if (family == CueFamily.Pledge || rules.PledgeWords.IsMatch(sentence))
        {
            return CommitmentKind.Pledge;
        }

        return family switch
        {
            CueFamily.Instruction => CommitmentKind.Instruction,
            CueFamily.Event => CommitmentKind.Cooperation,
            _ => CommitmentKind.Cooperation,
        };
    }

    [GeneratedRegex(@"\b(?:doubl\w*|tripl\w*|twice|(?:two|three|several)\s+times|удво\w*|утро\w*|в\s+(?:два|три|полтора|несколько)\s+раза)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Multiple();
}

/// <summary>The action after the cue ("I propose to find a way…" → "Find a way…"), first clause, at most the title length.</summary>
internal static partial class Titles
{
    public static string Of(string sentence, CueMatch cue, LanguageRules rules, int maxLength)
    {
        // An event is named by its subject ("Days of culture … will take place in autumn"), so its title is the whole
        // clause, never what follows another rule's verb in it.
        var from = InAttribution(sentence, cue, rules) ? 0
            : cue.Rule.TitleFromAction ? cue.CueIndex + cue.CueLength
            : cue.Rule.Family == CueFamily.Event ? ClauseStart(sentence, cue.CueIndex)
            : ActionStart(sentence, rules) ?? ClauseStart(sentence, cue.CueIndex);
        var rest = Rest(sentence, from, rules);
        if (rules.SubjectState?.IsMatch(rest) == true)
        {
            // "will be analysed", "can be an example": what is analysed, or is an example, is the clause's subject, so
            // the title starts there.
            rest = Rest(sentence, ClauseStart(sentence, Math.Min(from, cue.CueIndex), SubjectBreaks), rules);
        }

        var cueText = cue.CueIndex + cue.CueLength <= sentence.Length ? sentence.Substring(cue.CueIndex, cue.CueLength).Trim() : string.Empty;
        if (cue.Rule.TitleFromAction && rules.TitleHeads.FirstOrDefault(h => h.Cue.IsMatch(cueText) && (h.Governs is null || h.Governs.IsMatch(rest))) is { } head)
        {
            // "invited Ruto to Belarus" → "Invite Ruto to Belarus"; «заинтересованы в технике» → «Заинтересованность в технике».
            rest = head.Head + " " + rest;
        }
        else if (cue.Rule.TitleFromAction && rules.TitleAddressee?.Match(rest) is { Success: true } addressee
            && Words.Of(rest[addressee.Length..]).Count >= MinimumActionWords)
        {
            rest = rest[addressee.Length..];
        }
        else if (cue.Rule.TitleFromAction && rules.ActionOfGerund is { } bases)
        {
            rest = ActionFromGerunds(rest, bases);
        }

        rest = RelativeAside().Replace(rest, string.Empty);
        var clauseEnd = ClauseEnd(rest, rules);
        if (clauseEnd.Success && rest[clauseEnd.Index] == ':' && Words.Of(rest[..clauseEnd.Index]).Count <= LeadInWords
            && Announces().IsMatch(rest[..clauseEnd.Index]) && rest[(clauseEnd.Index + 1)..].TrimStart(Joints) is var announced
            && Trimmed(announced).Length >= 10)
        {
            // "Next on the list: opening a trading house in Minsk", "The following: …": the words before the colon only
            // announce what follows it.
            rest = announced;
            clauseEnd = ClauseEnd(rest, rules);
        }

        // A clause of one or two words is a subject without its verb («Наше правительство, все мы будем…»), so the
        // title runs on past its comma.
        var title = Trimmed(clauseEnd.Success && clauseEnd.Index >= 15 && Words.Of(rest[..clauseEnd.Index]).Count >= 3 ? rest[..clauseEnd.Index] : rest);
        // Too short to say anything (one word: «Наращивать»), a verb whose object is a pronoun ("Increase it", «Сделать
        // это»), or only a pointer or a time ("This respect"): what is undertaken is earlier in the sentence, so the
        // title is the sentence.
        if (title.Length < 10 || !title.Contains(' ', StringComparison.Ordinal) || VerbAndPronoun().IsMatch(title) || NamesNothing(title, rules))
        {
            title = Trimmed(WithoutTail(sentence, rules).TrimStart(Joints));
        }

        if (title.Length > maxLength)
        {
            // Cut at a word and say so with an ellipsis; the review form shows the whole quote beside it.
            var cut = title.LastIndexOf(' ', maxLength - 1);
            title = title[..(cut > 0 ? cut : maxLength - 1)].TrimEnd(',', ';', ' ') + "…";
        }

        title = Closed(title);

        // The first letter, after a quotation mark the title may open with.
        var first = title.AsSpan().IndexOfAnyExcept("\"«“");
        return first < 0 ? title : string.Concat(title.AsSpan(0, first), char.ToUpperInvariant(title[first]).ToString(), title.AsSpan(first + 1));
    }

    /// <summary>
    /// The cue is the attribution's own verb ("…," the President assured; «…», — заверил президент): what was promised
    /// is the quote before it, not who promised (ADR 0108).
    /// </summary>
    private static bool InAttribution(string sentence, CueMatch cue, LanguageRules rules) =>
        rules.TitleTail.Match(sentence) is { Success: true } tail && tail.Index > 0 && tail.Index <= cue.CueIndex && cue.CueIndex < tail.Index + tail.Length;

    /// <summary>
    /// Where the proposal's quote ends: before who said it ("…,” the President said", "…, — сказал Лукашенко") or the
    /// meeting a news lead places it in, when that comes after the cue; the analyst keeps the speaker's words, not the
    /// attribution (ADR 0092). The quote stays an exact substring of the record.
    /// </summary>
    public static int QuoteEnd(CueMatch cue, LanguageRules rules)
    {
        var clause = cue.Clause;
        var afterCue = cue.CueIndex + cue.CueLength;
        if (rules.TitleTail.Match(clause, Math.Min(afterCue, clause.Length)) is { Success: true } tail)
        {
            var words = clause[..tail.Index].TrimEnd(QuoteEnding);
            if (words.Length >= MinimumQuote && words.Length > afterCue && !QuoteResumes().IsMatch(clause, tail.Index + tail.Length) && !rules.AttributionGoesOn.IsMatch(clause, tail.Index + tail.Length))
            {
                return cue.Start + words.Length;
            }
        }

        return cue.End;
    }

    /// <summary>
    /// Where the proposal's quote starts: after a news agency's dateline that opens the clause ("MINSK, 13 September
    /// (BelTA) – ", «МИНСК, 21 июня (БЕЛТА) – »), which dates the report and is nobody's words (ADR 0100), and after the
    /// frame that says whose words follow ("According to him, ", «По словам Лукашенко, »), when the cue comes after them.
    /// </summary>
    public static int QuoteStart(CueMatch cue, LanguageRules rules)
    {
        var at = Dateline().Match(cue.Clause) is { Success: true } dateline && dateline.Length <= cue.CueIndex ? dateline.Length : 0;
        if (rules.AttributionLead.Match(cue.Clause, at) is { Success: true } lead && lead.Index + lead.Length <= cue.CueIndex)
        {
            at = lead.Index + lead.Length;
        }

        return cue.Start + at;
    }

    // A place in capitals, perhaps a day, and the agency in brackets before a dash; a capitalised word ("EAEU – …") is not one.
    [GeneratedRegex(@"^\s*\p{Lu}[\p{Lu}\-]+(?:\s+\p{Lu}[\p{Lu}\-]+)*,?[^()\n–—]{0,30}?\s*\([^()\n]{1,30}\)\s*[-–—]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    /// <summary>The speaker's words go on after the attribution («…», — сказал он, — «…»; "…", he said, "…"): the quote is not cut.</summary>
    [GeneratedRegex(@"\G[^,.:;]*[,:]\s*(?:[-–—]|[“«""])\s*[“«""]?\p{L}")]
    private static partial Regex QuoteResumes();

    /// <summary>What a quote cut before its attribution does not end with.</summary>
    private static readonly char[] QuoteEnding = [' ', ',', ';', ':', '—', '–', '-', '”', '"', '»'];

    private static readonly char[] ClauseBreaks = [',', ';', ':', '('];

    /// <summary>
    /// Where a title's clause ends, the same in both languages; a comma between digits is part of a number ("60,000",
    /// «1,5 млрд»), not a break, and neither is a name an editor inserts in square brackets ("Vladimir Vladimirovich
    /// [Putin] and I will hold…"); an editor's note in them ("[during the official visit …]") is.
    /// </summary>
    [GeneratedRegex(@"(?<!\d),|,(?!\d)|[;:(]|\[(?!\p{Lu}[^\]\s]*(?:\s\p{Lu}[^\]\s]*){0,2}\])|\s[-–—]\s|\.(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    /// <summary>A passive's subject also starts after a dash or a closed bracket ("MINSK (BelTA) – The harvest campaign should be finished").</summary>
    private static readonly char[] SubjectBreaks = [',', ';', ':', '(', ')', '–', '—'];

    /// <summary>
    /// An English relative clause set off by commas ("St. Petersburgers, who are our kin folk, receive…") describes a
    /// word of the title; it is left out so the title runs on to its verb. Russian sets every relative clause off by
    /// commas, the defining ones too («группы, которые бы изучили…, вплоть до…»), so its clauses stay.
    /// </summary>
    [GeneratedRegex(@",\s+(?:who|which|whose|whom|where)\b[^,;:()\[\]]*,(?=\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeAside();

    /// <summary>The first clause break of a title's text, passing over the dot of an abbreviation ("St. Petersburg").</summary>
    private static Match ClauseEnd(string rest, LanguageRules rules)
    {
        var end = ClauseBreak().Match(rest);
        while (end.Success && rest[end.Index] == '.' && SentenceSegmenter.IsAbbreviation(rest, 0, end.Index, rules))
        {
            end = end.NextMatch();
        }

        return end;
    }

    /// <summary>Characters a quote keeps at least: a cut that would leave less keeps the whole clause.</summary>
    private const int MinimumQuote = 12;

    /// <summary>Words before a colon that only announce what follows it ("Next on the list:", «Главное:»).</summary>
    private const int LeadInWords = 4;

    [GeneratedRegex(@"(?:\b(?:following|next|list|agenda|thing|things|point|task|goal|priority|priorities)|(?<![\p{L}])(?:следующее|главное|задача|цель|приоритет|приоритеты|повестке))\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Announces();

    /// <summary>Words a title keeps at least when it skips to the action: «Кабинету министров проработать» stays whole.</summary>
    private const int MinimumActionWords = 3;

    // "Do it next year": a few words after "it" or "them" name nothing either (ADR 0130); "this" and "that" may be
    // determiners ("Approve this plan"), so only alone. Russian puts the pronoun first as often («его развивать»).
    [GeneratedRegex(@"^\p{L}+\s+(?:(?:it|them)(?:\s+[\p{L}\d-]+){0,4}|this|that|это|их|его|её|ее)\W*$|^(?:это|их|его|её|ее)\s+\p{L}+\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerbAndPronoun();

    /// <summary>
    /// What the words left after the cue may be and still name nothing: a pointer to what was said before ("count on us
    /// in this respect" → "This respect", «в этом направлении») or only when ("this target will be met in the nearest
    /// future" → "The nearest future").
    /// </summary>
    private static bool NamesNothing(string title, LanguageRules rules) =>
        PointerAndNoun().IsMatch(title)
        || (rules.TimeExpression.Match(title) is { Success: true } time && time.Index <= "the ".Length && time.Index + time.Length >= title.Length);

    [GeneratedRegex(@"^(?:this|that|these|those|этом|этой|этих|том|той|тех)\s+\p{L}+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointerAndNoun();

    /// <summary>What a title does not start with: the punctuation left of a clause, or a quotation mark.</summary>
    private static readonly char[] Joints = [' ', ',', ';', ':', '—', '–', '-', '”', '"', '»', '“', '«'];

    /// <summary>What a title is cut from: the sentence from <paramref name="from"/>, without its tail and leading joints.</summary>
    private static string Rest(string sentence, int from, LanguageRules rules) =>
        rules.TitleLead.Replace(WithoutTail(sentence[Math.Clamp(from, 0, sentence.Length)..], rules).TrimStart(Joints), string.Empty);

    /// <summary>The text before who said it, or before the meeting a news lead places it in.</summary>
    private static string WithoutTail(string text, LanguageRules rules) =>
        rules.TitleTail.Match(text) is { Success: true } tail ? text[..tail.Index] : text;

    private static string Trimmed(string title) => title.Trim().TrimEnd('.', ',', ';', ':', '!', '?', '”', '"', '»', ' ');

    /// <summary>
    /// "finalizing and approving a roadmap" → "finalize and approve a roadmap": the gerunds a title starts with, joined by
    /// commas or "and", each in its base form when every one of them is known; "financing of the plant", a gerund used
    /// as a noun, stays as it is.
    /// </summary>
    private static string ActionFromGerunds(string rest, IReadOnlyDictionary<string, string> bases)
    {
        var run = LeadingGerunds().Match(rest);
        if (!run.Success || OfAfter().IsMatch(rest, run.Length))
        {
            return rest;
        }

        var gerunds = run.Groups["gerund"].Captures;
        if (gerunds.Any(g => !bases.ContainsKey(g.Value.ToLowerInvariant())))
        {
            return rest;
        }

        var action = new StringBuilder(rest);
        foreach (var gerund in gerunds.Reverse())
        {
            action.Remove(gerund.Index, gerund.Length).Insert(gerund.Index, bases[gerund.Value.ToLowerInvariant()]);
        }

        return action.ToString();
    }

    [GeneratedRegex(@"^(?<gerund>\p{L}+ing)(?:(?:,\s+|,?\s+and\s+)(?<gerund>\p{L}+ing))*(?!\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingGerunds();

    [GeneratedRegex(@"\G\s+of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OfAfter();

    /// <summary>
    /// A quotation the title opens is closed («наладить производство тракторов "Беларусь"»), and one it closes is opened
    /// («"по-военному" решать…», whose opening mark stood before the title's start).
    /// </summary>
    private static string Closed(string title)
    {
        var straightOpen = 0;
        var straightClose = 0;
        for (var i = 0; i < title.Length; i++)
        {
            if (title[i] == '"')
            {
                _ = i == 0 || char.IsWhiteSpace(title[i - 1]) ? straightOpen++ : straightClose++;
            }
        }

        var (before, after) = (new StringBuilder(), new StringBuilder());
        foreach (var (opens, closes, count) in new[] { ('«', '»', title.Count(c => c == '«') - title.Count(c => c == '»')), ('“', '”', title.Count(c => c == '“') - title.Count(c => c == '”')), ('"', '"', straightOpen - straightClose) })
        {
            (count > 0 ? after : before).Append(count > 0 ? closes : opens, Math.Abs(count));
        }

        return before.Append(title).Append(after).ToString();
    }

    /// <summary>Where the action starts after another cue of the sentence that names one ("I propose to …", "we will …").</summary>
    private static int? ActionStart(string sentence, LanguageRules rules)
    {
        foreach (var rule in rules.Cues.Where(r => r.TitleFromAction && r.Family is CueFamily.Proposal or CueFamily.Statement or CueFamily.Decision))
        {
            if (rule.Pattern.Match(sentence) is { Success: true } m && m.Index < sentence.Length / 2)
            {
                return m.Index + m.Length;
            }
        }

        return null;
    }

    /// <summary>Where a clause starts: after the punctuation before <paramref name="index"/>.</summary>
    private static int ClauseStart(string sentence, int index) => ClauseStart(sentence, index, ClauseBreaks);

    private static int ClauseStart(string sentence, int index, char[] breaks)
    {
        var start = sentence.LastIndexOfAny(breaks, Math.Max(0, Math.Min(sentence.Length - 1, index - 1)));
        // A comma between digits is part of a number ("60,000"), so the clause starts before it.
        while (start > 0 && sentence[start] == ',' && start + 1 < sentence.Length && char.IsDigit(sentence[start - 1]) && char.IsDigit(sentence[start + 1]))
        {
            start = sentence.LastIndexOfAny(breaks, start - 1);
        }

        return start < 0 ? 0 : start + 1;
    }
}
