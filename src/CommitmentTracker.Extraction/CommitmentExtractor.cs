using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Extraction;

/// <summary>
/// Rule-based extraction of commitment candidates from a meeting record: no model, no service. Each sentence is
/// tested against the cue rules in <see cref="CueRules.All"/> (priority order); the first rule that fires makes the
/// sentence a candidate, and its modality, kind, parties, due phrase, amounts and title are read from the sentence.
/// Sentences with no future or modal cue (past facts) never fire a rule.
/// </summary>
public static class CommitmentExtractor
{
    private const int MaxTitleLength = 120;

    public static IReadOnlyList<Candidate> Extract(string text, DateOnly meetingDate, IReadOnlyList<KnownParty> parties)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parties);

        var matcher = new PartyMatcher(parties);
        var sentences = SentenceSegmenter.Split(text);
        var candidates = new List<Candidate>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            if (FindCue(sentence.Text, matcher) is not { } cue)
            {
                continue;
            }

            // "They can take part…": the subject is named in the sentence before, so the candidate includes it.
            var start = sentence.Start;
            if (i > 0 && CueRules.AnaphoricStart().IsMatch(sentence.Text) && sentences[i - 1].Paragraph == sentence.Paragraph
                && (candidates.Count == 0 || candidates[^1].End <= sentences[i - 1].Start))
            {
                start = sentences[i - 1].Start;
            }

            candidates.Add(Build(text, start, sentence, cue, meetingDate, matcher));
        }

        return candidates;
    }

    private static Candidate Build(string text, int start, Sentence sentence, (CueRule Rule, Match Match) cue, DateOnly meetingDate, PartyMatcher matcher)
    {
        var quote = text[start..sentence.End];
        var (rule, match) = cue;
        var modality = ReadModality(sentence.Text, rule, match);
        var due = DuePhraseFinder.Find(sentence.Text, meetingDate);
        var amounts = AmountParser.Find(text, sentence.Start, sentence.End);
        var partyKeys = matcher.Find(quote);
        var kind = Classify(sentence.Text, rule.Family, due, amounts);

        var confidence = rule.Strength * modality switch
        {
            Modality.Firm => 1.0,
            Modality.Conditional => 0.9,
            _ => 0.85,
        };
        confidence += (partyKeys.Count > 0 ? 0.05 : 0) + (due is not null ? 0.05 : 0);
        confidence = Math.Round(Math.Clamp(confidence, 0, 1), 2);

        return new Candidate(
            start,
            sentence.End,
            quote,
            kind,
            modality,
            Title(sentence.Text, rule, match),
            partyKeys,
            due,
            amounts,
            rule.Id,
            confidence);
    }

    private static (CueRule Rule, Match Match)? FindCue(string sentence, PartyMatcher matcher)
    {
        var hasModal = CueRules.FutureOrModal().IsMatch(sentence);
        foreach (var rule in CueRules.All)
        {
            if (rule.NeedsModal && !hasModal)
            {
                continue;
            }

            foreach (Match match in rule.Pattern.Matches(sentence))
            {
                if (Accepts(sentence, rule, match, matcher))
                {
                    return (rule, match);
                }
            }
        }

        return null;
    }

    private static bool Accepts(string sentence, CueRule rule, Match match, PartyMatcher matcher)
    {
        if (rule.NeedsSubject)
        {
            var modal = match.Groups["modal"];
            var before = sentence[..(modal.Success ? modal.Index : match.Index)];
            before = CueRules.TrailingAdverbs().Replace(before, string.Empty).TrimEnd();
            if (!CueRules.PronounSubject().IsMatch(before) && !matcher.EndsWithParty(before))
            {
                return false;
            }
        }

        return rule.Engagement switch
        {
            Engagement.Anywhere => CueRules.EngagementWords().IsMatch(sentence),
            Engagement.AfterCue => CueRules.EngagementWords().IsMatch(sentence, match.Index + match.Length),
            _ => true,
        };
    }

    /// <summary>
    /// Firm cues stay firm unless the sentence makes them depend on a need or capacity; tentative cues become
    /// conditional only when the condition leads ("If there is no such possibility, we are ready to…"), since a
    /// trailing "if needed" merely scopes an offer. Cues without a modality of their own read the sentence's words.
    /// </summary>
    private static Modality ReadModality(string sentence, CueRule rule, Match match)
    {
        var modality = rule.Modality
            ?? (CueRules.TentativeWords().IsMatch(sentence) ? Modality.Tentative : Modality.Firm);
        if (rule.Family == CueFamily.Instruction)
        {
            return modality;
        }

        var condition = CueRules.Condition().Match(sentence);
        return condition.Success && (modality == Modality.Firm || condition.Index < match.Index)
            ? Modality.Conditional
            : modality;
    }

    private static CommitmentKind Classify(string sentence, CueFamily family, string? due, IReadOnlyList<Amount> amounts)
    {
        if (CueRules.EventWords().IsMatch(sentence) && (family is CueFamily.Event or CueFamily.Instruction || due is not null))
        {
            return CommitmentKind.CulturalEvent;
        }

        if (family == CueFamily.Hub || CueRules.HubCenterWords(sentence))
        {
            return CommitmentKind.Hub;
        }

        if (family == CueFamily.Target || CueRules.TradeTargetWords(sentence)
            || (amounts.Count > 0 && CueRules.TargetVerbs().IsMatch(sentence)))
        {
            return CommitmentKind.TradeTarget;
        }

        return family switch
        {
            CueFamily.Pledge => CommitmentKind.Pledge,
            CueFamily.Instruction => CommitmentKind.Instruction,
            CueFamily.Event => CommitmentKind.CulturalEvent,
            CueFamily.Decision or CueFamily.Proposal or CueFamily.Statement => CommitmentKind.Cooperation,
            _ => CommitmentKind.Other,
        };
    }

    /// <summary>The action after the cue ("I propose to find a way…" → "Find a way…"), first clause, ≤ 120 characters.</summary>
    private static string Title(string sentence, CueRule rule, Match match)
    {
        var from = rule.TitleFromAction ? match.Index + match.Length : ClauseStart(sentence, match.Index);
        var rest = CueRules.TitleLead().Replace(sentence[from..], string.Empty);
        var clauseEnd = CueRules.ClauseBreak().Match(rest);
        var title = clauseEnd.Success && clauseEnd.Index >= 15 ? rest[..clauseEnd.Index] : rest;
        title = title.Trim().TrimEnd('.', ',', ';', ':', '!', '?', '”', '"', ' ');
        if (title.Length < 10)
        {
            title = sentence.TrimEnd('.', '!', '?', '”', '"');
        }

        if (title.Length > MaxTitleLength)
        {
            var cut = title.LastIndexOf(' ', MaxTitleLength - 1);
            title = title[..(cut > 0 ? cut : MaxTitleLength - 1)].TrimEnd(',', ';', ' ') + "…";
        }

        return title.Length == 0 ? title : char.ToUpperInvariant(title[0]) + title[1..];
    }

    private static int ClauseStart(string sentence, int index)
    {
        var start = sentence.LastIndexOfAny([',', ';', ':', '('], Math.Max(0, index - 1));
        return start < 0 ? 0 : start + 1;
    }
}
