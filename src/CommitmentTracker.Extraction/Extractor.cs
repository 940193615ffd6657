using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Extraction.Amounts;
using CommitmentTracker.Extraction.Due;
using CommitmentTracker.Extraction.Parties;
using CommitmentTracker.Extraction.Rules;
using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction;

/// <summary>
/// Rule-based extraction of commitments from a meeting record, in English and in Russian: no model, no service.
/// Each sentence is tested against its language's cue rules (priority order); the first rule that fires makes it a
/// proposal, whose modality, kind, parties, due phrase, amounts and title are read from its words. Sentences with no
/// forward-looking cue (past facts) never fire. A restatement of an undertaking already proposed (the news lead,
/// then the quote) becomes a second span of the same proposal.
/// </summary>
public static class Extractor
{
    private const int MaxTitleLength = 120;

    public static ExtractionResult Extract(ExtractionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = request.Language is { Length: > 0 } code ? RecordLanguage.Of(code) : LanguageDetector.Detect(request.Text);
        if (!language.IsSupported)
        {
            return new ExtractionResult(language, []);
        }

        var rules = LanguageRules.For(language.Code);
        var matcher = new PartyMatcher(request.Parties);
        var roles = new PartyRoles(request.Parties, request.Speaker, request.OtherSides);
        var sentences = SentenceSegmenter.Split(request.Text, rules);
        var amounts = new AmountContext(rules);
        var drafts = new List<Draft>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var found = AmountParser.Find(request.Text, sentence, rules, amounts);
            foreach (var cue in CueFinder.Find(sentence, rules, matcher, new Preceding(sentences, i)))
            {
                drafts.Add(Build(request, sentence, cue, found, rules, matcher, roles) with { Sentence = i, Paragraph = sentence.Paragraph });
            }
        }

        var candidates = Restatements.Merge(drafts, rules, d => request.Text[d.Spans[0].Start..d.Spans[0].End])
            .Select(d => d.ToCandidate(request.Text, language.Code))
            .ToList();
        return new ExtractionResult(language, candidates);
    }

    private static Draft Build(ExtractionRequest request, Sentence sentence, CueMatch cue, IReadOnlyList<Amount> amounts, LanguageRules rules, PartyMatcher matcher, PartyRoles roles)
    {
        var text = cue.Clause;
        var modality = CueFinder.ReadModality(text, cue, rules);
        var due = DuePhraseFinder.Find(text, request.MeetingDate, rules, cue.CueIndex);
        var inClause = amounts.Where(a => a.Start < cue.End && cue.Start < a.End).ToList();
        var mentioned = matcher.Find(text);
        var (lead, counterparts, newParty) = roles.Assign(cue, mentioned, matcher, rules);
        var kind = Classifier.Kind(text, cue.Rule.Family, due, inClause, rules);

        // Said by the head of state to his own government or officials, "we need to…", "X should…" is a directive:
        // what would be a cooperation proposal between two sides is an instruction inside one.
        if (roles.IsInternal && kind == CommitmentKind.Cooperation && counterparts.Count == 0 && cue.Rule.Family is CueFamily.Proposal or CueFamily.Statement)
        {
            kind = CommitmentKind.Instruction;
        }

        var confidence = cue.Rule.Strength * modality switch
        {
            Modality.Firm => 1.0,
            Modality.Conditional => 0.9,
            _ => 0.85,
        };
        confidence += (mentioned.Count > 0 ? 0.05 : 0) + (due is not null ? 0.05 : 0);

        return new Draft(
            [(cue.Start, cue.End)],
            kind,
            modality,
            Titles.Of(text, cue, rules, MaxTitleLength),
            lead,
            counterparts,
            mentioned,
            due,
            inClause,
            cue.Rule.Id,
            Math.Round(Math.Clamp(confidence, 0, 1), 2),
            newParty,
            cue.Rule.Strength);
    }
}

/// <summary>A proposal while the record is read; restatements merge drafts before they become candidates.</summary>
internal sealed record Draft(
    IReadOnlyList<(int Start, int End)> Spans,
    CommitmentKind Kind,
    Modality Modality,
    string Title,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Counterparts,
    IReadOnlyList<string> Mentioned,
    string? Due,
    IReadOnlyList<Amount> Amounts,
    string Cue,
    double Confidence,
    string? NewParty,
    double Strength)
{
    /// <summary>Index of the sentence it was read from, to tell adjacent restatements.</summary>
    public int Sentence { get; init; }

    public int Paragraph { get; init; }

    public Candidate ToCandidate(string text, string language) => new(
        [.. Spans.OrderBy(s => s.Start).Select(s => new CandidateSpan(s.Start, s.End, text[s.Start..s.End]))],
        Kind,
        Modality,
        Title,
        Lead,
        Counterparts,
        Mentioned,
        Due,
        Amounts,
        Cue,
        Confidence,
        language,
        NewParty);
}

/// <summary>The sentences before the one at <c>index</c>, as a view: no copy per sentence.</summary>
internal sealed class Preceding(IReadOnlyList<Sentence> sentences, int index) : IReadOnlyList<Sentence>
{
    public int Count => index;

    public Sentence this[int i] => (uint)i < (uint)index ? sentences[i] : throw new ArgumentOutOfRangeException(nameof(i));

    public IEnumerator<Sentence> GetEnumerator()
    {
        for (var i = 0; i < index; i++)
        {
            yield return sentences[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
