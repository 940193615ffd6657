using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Extraction.Amounts;
using CommitmentTracker.Extraction.Due;
using CommitmentTracker.Extraction.Model;
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
public static partial class Extractor
{
    private const int MaxTitleLength = 120;

    /// <summary>What the import stores of the cue (ImportCandidate.Cue is 100 characters).</summary>
    private const int MaxCueLength = 100;

    /// <summary>
    /// The proposals of one record. Cancellation is honoured between sentences and between embedding batches: a
    /// megabyte of English takes tens of seconds, and an import whose caller has gone should stop reading.
    /// </summary>
    public static ExtractionResult Extract(ExtractionRequest request, CancellationToken cancellationToken = default) =>
        Extract(request, ExtractionDesign.Shipped, cancellationToken);

    /// <summary>
    /// The score from which a sentence no proposal covers is worth a look, chosen on the dev records by cross-validation
    /// (<c>EXTRACTION_CV=worth-a-look</c>, ADR 0117): where fewer sentences stopped costing reach in either language.
    /// </summary>
    public const double WorthALook = 0.25;

    /// <summary>
    /// The sentences of a record worth an analyst's look that the extractor does not propose: no proposal covers them
    /// and the sentence model scores them at least <see cref="WorthALook"/> (ADR 0117). Empty for a
    /// language the extractor does not read.
    /// </summary>
    public static IReadOnlyList<SuggestedPassage> Suggest(ExtractionRequest request, CancellationToken cancellationToken = default) =>
        Extract(request, ExtractionDesign.Suggesting, cancellationToken).Suggestions;

    /// <summary>
    /// Extraction with a chosen design: rules alone, the sentence model alone, or both (the model proposes sentences
    /// no rule fired on and may veto rule proposals it scores very low). The cross-validation compares designs here.
    /// </summary>
    internal static ExtractionResult Extract(ExtractionRequest request, ExtractionDesign design, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(design);
        var language = LanguageOf(request);
        if (!language.IsSupported)
        {
            return new ExtractionResult(language, []);
        }

        if (design.Languages is { } own && own.TryGetValue(language.Code, out var chosen))
        {
            // Each language reads with the combination cross-validation chose for it (ADR 0037).
            design = design with { Rules = chosen.Rules, Propose = chosen.Propose, Veto = chosen.Veto, RuleReading = chosen.RuleReading };
        }

        var (rules, matcher, roles) = Readers(request, language, design);
        var model = design.Model is { } m && m.Covers(language.Code) && (design.ModelLanguages is null || design.ModelLanguages.Contains(language.Code)) ? m : null;

        // The model scores sentences for the suggestions in every language it covers, also where it proposes nothing.
        var reader = model ?? (design.Model is { } s && s.Covers(language.Code) && design.Suggest < double.PositiveInfinity ? s : null);
        if (model is null)
        {
            // A language the model is not adopted for reads with the rules alone.
            design = ExtractionDesign.RulesAlone with
            {
                SameSidesOverlap = design.SameSidesOverlap,
                ReportedQuoteOverlap = design.ReportedQuoteOverlap,
                TopicMerges = design.TopicMerges,
                OffersToTheAddressee = design.OffersToTheAddressee,
                Attributes = design.Attributes,
                AttributesWhereNoRule = design.AttributesWhereNoRule,
                KindShare = design.KindShare,
                ModalityShare = design.ModalityShare,
                ModelHeedsNotACommitment = design.ModelHeedsNotACommitment,
                Suggest = design.Suggest,
            };
        }

        var drafts = new List<Draft>();
        var attributes = design.Attributes is { } a && (design.KindShare <= 1 || design.ModalityShare <= 1) ? a : null;
        var featuresOf = new Dictionary<int, ulong[]>();
        var readings = Read(request.Text, rules, matcher, reader is not null || attributes is not null ? FeatureForm.Hashed : FeatureForm.None, cancellationToken).ToList();
        var scores = Scores(readings, reader, language.Code, design, cancellationToken);
        foreach (var (read, score) in readings.Zip(scores))
        {
            if (attributes is not null)
            {
                featuresOf[read.Index] = read.Hashes!;
            }

            if (design.Rules && !(score.Value < design.Veto))
            {
                foreach (var cue in read.Cues)
                {
                    drafts.Add(Build(request, cue, read.Amounts, rules, matcher, roles) with { Sentence = read.Index, Paragraph = read.Sentence.Paragraph });
                }
            }

            if (model is not null && score.Value is { } p && p >= design.Propose && (!design.Rules || read.Cues.Count == 0)
                && !(design.ModelHeedsNotACommitment && rules.CommitsToNothing(read.Sentence.Text))
                && !(design.ModelSubjectTest != SubjectTest.None && (design.ModelSubjectTestEverywhere || read.Cues.Count == 0) && !SubjectActs(read.Sentence.Text, rules, matcher, design.ModelSubjectTest)))
            {
                // A sentence the model scores high: the same downstream reading as a rule's proposal (kind, modality,
                // parties, due phrase, amounts), with the model's reason as its cue. When a rule also fired on the
                // whole sentence, the rule's reading (its family gives the kind, its subject the lead) is kept.
                if (design.RuleReading && read.Cues.Count > 1)
                {
                    // A sentence the rules split into two undertakings stays two proposals, each read by its rule.
                    foreach (var clause in read.Cues)
                    {
                        drafts.Add(Build(request, clause, read.Amounts, rules, matcher, roles) with { Sentence = read.Index, Paragraph = read.Sentence.Paragraph, Confidence = Math.Round(p, 2) });
                    }

                    continue;
                }

                var ruleCue = design.RuleReading ? read.Cues.FirstOrDefault(c => c.Start == read.Sentence.Start && c.End == read.Sentence.End) : null;
                var cue = ruleCue ?? CueFinder.ForModel(read.Sentence, rules);
                // The analyst sees why: the rule's id when a rule read it (as without the model), else the model's
                // score and the features that pushed it up most.
                var built = Build(request, cue, read.Amounts, rules, matcher, roles);
                drafts.Add(built with
                {
                    Sentence = read.Index,
                    Paragraph = read.Sentence.Paragraph,
                    Cue = ruleCue is null ? ModelReason(p, score.Lifted ? ["sentence meaning", .. model!.Strongest(language.Code, read.Hashes!, 3)] : model!.Strongest(language.Code, read.Hashes!, 4)) : built.Cue,
                    Confidence = Math.Round(p, 2),
                    NoRule = ruleCue is null,
                });
            }
        }

        if (attributes is not null)
        {
            drafts = [.. drafts.Select(d => design.AttributesWhereNoRule && !d.NoRule ? d : Reread(d, attributes, language.Code, featuresOf[d.Sentence], design))];
        }

        var topic = design.TopicMerges?.GetValueOrDefault(language.Code);
        var candidates = Restatements.Merge(drafts, rules, design.SameSidesOverlap, design.ReportedQuoteOverlap, topic, topic is null ? null : Restatements.PartyStems(request.Parties))
            .Select(d => d.ToCandidate(request.Text, language.Code))
            .ToList();
        return new ExtractionResult(language, candidates) { Suggestions = reader is null ? [] : Suggestions(readings, scores, candidates, reader, language.Code, rules, design) };
    }

    /// <summary>
    /// Sentences no rule fired on and no proposal covers that the model scores at least <see cref="ExtractionDesign.Suggest"/>,
    /// leaving out what the rules hold is never a commitment when the design heeds it for proposals.
    /// </summary>
    private static List<SuggestedPassage> Suggestions(List<SentenceReading> readings, (double? Value, bool Lifted)[] scores, List<Candidate> candidates, SentenceModel model, string language, LanguageRules rules, ExtractionDesign design) =>
        [.. readings.Zip(scores)
            .Where(x => x.Second.Value >= design.Suggest && x.First.Cues.Count == 0
                && !(design.ModelHeedsNotACommitment && rules.CommitsToNothing(x.First.Sentence.Text))
                && !candidates.Any(c => c.Spans.Any(s => s.Start < x.First.Sentence.End && x.First.Sentence.Start < s.End)))
            .Select(x => new SuggestedPassage(
                x.First.Sentence.Start,
                x.First.Sentence.End,
                x.First.Sentence.Text,
                Shown(x.Second.Value!.Value),
                ModelReason(Shown(x.Second.Value!.Value), x.Second.Lifted ? ["sentence meaning", .. model.Strongest(language, x.First.Hashes!, 3)] : model.Strongest(language, x.First.Hashes!, 4))))];

    /// <summary>The language given at import, else the one the text is written in.</summary>
    private static RecordLanguage LanguageOf(ExtractionRequest request) =>
        request.Language is { Length: > 0 } code ? RecordLanguage.Of(code) : LanguageDetector.Detect(request.Text);

    /// <summary>What reads a record in a language: its rules, the registered parties' names, and who acts for which side.</summary>
    private static (LanguageRules Rules, PartyMatcher Matcher, PartyRoles Roles) Readers(ExtractionRequest request, RecordLanguage language, ExtractionDesign design)
    {
        var matcher = new PartyMatcher(request.Parties);
        var roles = new PartyRoles(request.Parties, request.Speaker, request.OtherSides, design.OffersToTheAddressee?.Contains(language.Code) == true, NamedPeople.Of(request.Text, matcher));
        return (LanguageRules.For(language.Code), matcher, roles);
    }

    /// <summary>What <see cref="Candidate.Cue"/> says of a passage the analyst chose, before the rule that read it.</summary>
    public const string ChosenCue = "chosen by the analyst";

    /// <summary>What follows <see cref="ChosenCue"/> before the id of the rule that read the chosen words, if one fired.</summary>
    public const string ReadByCue = "; read by ";

    /// <summary>
    /// A passage the analyst chose in the record (a commitment the extractor missed, or read too narrowly), read the way
    /// a proposal is: the strongest rule that fires inside it reads kind, modality, parties, due phrase and title; where
    /// none fires, its first sentence is read as the sentence model's proposals are. The proposal cites exactly the
    /// chosen words; a due phrase or sum in any of its sentences is taken. Null when the record's language is not one
    /// the extractor reads or the passage holds no sentence.
    /// </summary>
    public static Candidate? ReadPassage(ExtractionRequest request, int start, int end, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, request.Text.Length);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        var language = LanguageOf(request);
        if (!language.IsSupported)
        {
            return null;
        }

        var (rules, matcher, roles) = Readers(request, language, ExtractionDesign.Shipped);
        var inside = Read(request.Text, rules, matcher, FeatureForm.None, cancellationToken)
            .SkipWhile(r => r.Sentence.End <= start)
            .TakeWhile(r => r.Sentence.Start < end)
            .ToList();
        if (inside.Count == 0)
        {
            return null;
        }

        var amounts = inside.SelectMany(r => r.Amounts).Where(a => a.Start >= start && a.End <= end).ToList();
        var ruled = inside.SelectMany(r => r.Cues).Where(c => c.Start < end && c.End > start).MaxBy(c => c.Rule.Strength);
        var cue = ruled ?? CueFinder.ForModel(inside[0].Sentence, rules);
        var draft = Build(request, cue, amounts, rules, matcher, roles);
        var due = draft.Due ?? inside.Select(r => DuePhraseFinder.Find(r.Sentence.Text, request.MeetingDate, rules)).FirstOrDefault(d => d is not null);
        var mentioned = matcher.Find(request.Text[start..end]);
        // The analyst sees which rule read the words, if one did; the cue column holds 100 characters.
        var said = ruled is null ? ChosenCue : ChosenCue + ReadByCue + cue.Rule.Id;
        return (draft with
        {
            Spans = [(start, end)],
            Due = due,
            Amounts = amounts,
            Mentioned = [.. draft.Mentioned.Union(mentioned, StringComparer.Ordinal)],
            Cue = said.Length <= MaxCueLength ? said : said[..MaxCueLength],
            Confidence = 1,
        }).ToCandidate(request.Text, language.Code);
    }

    /// <summary>
    /// Each sentence's model score (null without a model), and whether its embedding lifted it well above what its words
    /// alone say. A model trained with embeddings (ADR 0066) reads them, in batches, for every
    /// sentence whose score decides something (no rule fired on it, or a veto is on) and that the embedding could move
    /// across the proposal threshold or the veto. Any other sentence keeps the score of the mean sentence, and every
    /// decision comes out as it would with its own.
    /// </summary>
    private static (double? Value, bool Lifted)[] Scores(List<SentenceReading> readings, SentenceModel? model, string language, ExtractionDesign design, CancellationToken cancellationToken)
    {
        var scores = new (double? Value, bool Lifted)[readings.Count];
        if (model is null)
        {
            return scores;
        }

        var embed = new List<int>();
        for (var i = 0; i < readings.Count; i++)
        {
            scores[i] = (model.Score(language, readings[i].Hashes!), false);
            if (model.Embeds(language) && !RuleDecides(readings[i], design)
                && model.Range(language, readings[i].Hashes!) is var (lowest, highest) && (highest >= Math.Min(design.Propose, design.Suggest) || lowest < design.Veto))
            {
                embed.Add(i);
            }
        }

        if (embed.Count > 0)
        {
            var embedded = (design.Embedder ?? SentenceEmbedder.Shared).Embed([.. embed.Select(i => readings[i].Sentence.Text)], cancellationToken);
            for (var j = 0; j < embed.Count; j++)
            {
                var hashes = readings[embed[j]].Hashes!;
                scores[embed[j]] = (model.Score(language, hashes, embedded[j]), model.Lift(language, embedded[j]) >= MeaningLift);
            }
        }

        return scores;
    }

    /// <summary>
    /// A sentence a rule fired on is read by the rule whatever the model says, unless the design lets a low score veto
    /// it: its score decides nothing, so it is not embedded.
    /// </summary>
    private static bool RuleDecides(SentenceReading reading, ExtractionDesign design) => design.Rules && design.Veto <= 0 && reading.Cues.Count > 0;

    /// <summary>How far above the mean sentence's the embedding must put the summed weights to be named a reason (one logit).</summary>
    private const double MeaningLift = 1.0;

    /// <summary>
    /// Whether some auxiliary of the sentence ("will", "can", "need to") has a subject that can be a party acting: not
    /// a pronoun that stands for a fact or the world ("it will continue", "this will help", "which can be useful") and,
    /// under <see cref="SubjectTest.Actor"/>, a party, the speaker, the addressee or both sides, or a passive ("X will be
    /// supplied"), or "there will be". A sentence without an auxiliary passes.
    /// </summary>
    internal static bool SubjectActs(string text, LanguageRules rules, PartyMatcher matcher, SubjectTest test)
    {
        var any = false;
        foreach (var found in CueFinder.AuxiliarySubjects(text, rules))
        {
            any = true;
            if (Acts(found.Subject, found.Passive))
            {
                return true;
            }
        }

        return !any;

        bool Acts(string subject, bool passive) => !ImpersonalPronoun().IsMatch(subject) && (test != SubjectTest.Actor || passive || subject.Length == 0 || ThereIs().IsMatch(subject)
            || rules.ActorSubject.IsMatch(subject) || rules.SpeakerSubject.IsMatch(subject) || rules.AddresseeSubject.IsMatch(subject) || rules.JointSubject.IsMatch(subject)
            || matcher.Mentions(subject).Count > 0 || rules.HomeCountryWords.IsMatch(subject));
    }

    [GeneratedRegex(@"^(?:it|this|that|which|nothing|everything|one|all\s+this|none)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImpersonalPronoun();

    [GeneratedRegex(@"^there$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThereIs();

    /// <summary>
    /// The attribute models' kind or modality replaces the rules' reading when it differs and takes at least the
    /// design's share of the scores (ADR 0033); below it the rules' reading stands.
    /// </summary>
    private static Draft Reread(Draft draft, SentenceModel attributes, string language, ulong[] features, ExtractionDesign design)
    {
        if (AttributeReading.Best<CommitmentKind>(attributes, language, AttributeReading.Kind, features) is { } kind
            && kind.Value != draft.Kind && kind.Share >= design.KindShare)
        {
            draft = draft with { Kind = kind.Value };
        }

        if (AttributeReading.Best<Modality>(attributes, language, AttributeReading.Modality, features) is { } modality
            && modality.Value != draft.Modality && modality.Share >= design.ModalityShare)
        {
            draft = draft with { Modality = modality.Value };
        }

        return draft;
    }

    // Cut, not rounded, to two places: a sentence the model did not propose never reads as scored at the proposal threshold.
    private static double Shown(double score) => Math.Floor(score * 100) / 100;

    /// <summary>"model 0.83 — strongest signals: we+modal, will, cooperation", cut at a signal to fit the stored cue.</summary>
    internal static string ModelReason(double score, IReadOnlyList<string> signals)
    {
        var reason = $"model {score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} — strongest signals: {string.Join(", ", signals)}";
        return reason.Length <= MaxCueLength ? reason : reason[..(reason.LastIndexOf(',', MaxCueLength - 1) is > 0 and var cut ? cut : MaxCueLength)];
    }

    /// <summary>Every sentence of a record with the features the sentence model reads (for training and cross-validation).</summary>
    internal static IReadOnlyList<(Sentence Sentence, IReadOnlyList<string> Features)> Sentences(string text, string languageCode, IReadOnlyList<KnownParty> parties)
    {
        var rules = LanguageRules.For(languageCode);
        return [.. Read(text, rules, new PartyMatcher(parties), FeatureForm.Names).Select(r => (r.Sentence, r.Features!))];
    }

    /// <summary>Every sentence's features both ways, named and hashed, to check that the two agree.</summary>
    internal static IReadOnlyList<(IReadOnlyList<string> Names, IReadOnlyList<ulong> Hashes)> FeaturesBothWays(string text, string languageCode, IReadOnlyList<KnownParty> parties)
    {
        var rules = LanguageRules.For(languageCode);
        return [.. Read(text, rules, new PartyMatcher(parties), FeatureForm.Both).Select(r => (r.Features!, (IReadOnlyList<ulong>)r.Hashes!))];
    }

    /// <summary>Which features a reading carries: none (rules alone), names (training), hashes (scoring), or both (tests).</summary>
    private enum FeatureForm
    {
        None,
        Names,
        Hashed,
        Both,
    }

    private static IEnumerable<SentenceReading> Read(string text, LanguageRules rules, PartyMatcher matcher, FeatureForm form, CancellationToken cancellationToken = default)
    {
        var sentences = SentenceSegmenter.Split(text, rules);
        var amounts = new AmountContext(rules);
        for (var i = 0; i < sentences.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var sentence = sentences[i];
            var found = AmountParser.Find(text, sentence, rules, amounts);
            var cues = CueFinder.Find(sentence, rules, matcher, new Preceding(sentences, i)).ToList();
            IReadOnlyList<string>? features = null;
            ulong[]? hashes = null;
            if (form != FeatureForm.None)
            {
                var ids = cues.ConvertAll(c => c.Rule.Id);
                var namesParty = matcher.Mentions(sentence.Text).Count > 0;
                features = form is FeatureForm.Names or FeatureForm.Both ? SentenceFeatures.Of(sentence, i, rules, ids, found.Count > 0, namesParty) : null;
                hashes = form is FeatureForm.Hashed or FeatureForm.Both ? SentenceFeatures.Hashes(sentence, i, rules, ids, found.Count > 0, namesParty) : null;
            }

            yield return new SentenceReading(i, sentence, found, cues, features, hashes);
        }
    }

    private sealed record SentenceReading(int Index, Sentence Sentence, IReadOnlyList<Amount> Amounts, IReadOnlyList<CueMatch> Cues, IReadOnlyList<string>? Features, ulong[]? Hashes);

    private static Draft Build(ExtractionRequest request, CueMatch cue, IReadOnlyList<Amount> amounts, LanguageRules rules, PartyMatcher matcher, PartyRoles roles)
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
            [(Titles.QuoteStart(cue, rules), Titles.QuoteEnd(cue, rules))],
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
            cue.Rule.Strength)
        {
            Clause = text,
        };
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
    /// <summary>
    /// The words its cue read, attribution included: what restatements compare. The quote (<see cref="Spans"/>) may end
    /// before who said it.
    /// </summary>
    public string Clause { get; init; } = "";

    /// <summary>Index of the sentence it was read from, to tell adjacent restatements.</summary>
    public int Sentence { get; init; }

    public int Paragraph { get; init; }

    /// <summary>Found by the sentence model with no rule reading its sentence (a neutral cue read it).</summary>
    public bool NoRule { get; init; }

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

/// <summary>
/// How extraction combines the cue rules and the sentence model: <see cref="Rules"/> on or off; a sentence no rule
/// fired on becomes a proposal when the model scores it at least <see cref="Propose"/>; a rule's proposal is dropped
/// when the model scores its sentence below <see cref="Veto"/>; <see cref="SameSidesOverlap"/>, when set, merges two
/// proposals of the same sides, kind, date and sum whose stems overlap that much, however far apart;
/// <see cref="RuleReading"/> reads a model proposal with the cue of a rule that fired on the whole sentence;
/// <see cref="ModelLanguages"/> limits the model to the languages validation confirmed it for. The values are chosen by cross-validation on the
/// development records (tests/CommitmentTracker.Extraction.Tests/Corpus/ModelCrossValidation.cs, ADR 0031).
/// </summary>
internal sealed record ExtractionDesign(SentenceModel? Model, bool Rules = true, double Propose = double.PositiveInfinity, double Veto = 0, double? SameSidesOverlap = null, bool RuleReading = false, IReadOnlySet<string>? ModelLanguages = null)
{
    /// <summary>
    /// When set, a paraphrase in the third person and a passage in the first person of the same kind, date and sum
    /// merge when that share of the shorter one's word roots recurs in the other (ADR 0033).
    /// </summary>
    public double? ReportedQuoteOverlap { get; init; }

    /// <summary>Per language, the headline-and-lead restatement merge (<see cref="TopicMerge"/>, ADR 0045); none where absent.</summary>
    public IReadOnlyDictionary<string, TopicMerge>? TopicMerges { get; init; }

    /// <summary>The languages where "you can…" said to the guest is read as the speaker's offer: the speaker's side leads (ADR 0045).</summary>
    public IReadOnlySet<string>? OffersToTheAddressee { get; init; }

    /// <summary>One-vs-rest kind and modality models (<see cref="AttributeReading"/>); null reads with the rules alone.</summary>
    public SentenceModel? Attributes { get; init; }

    /// <summary>The share of the kind models' scores their best kind needs to replace the rules' kind (above 1: never).</summary>
    public double KindShare { get; init; } = double.PositiveInfinity;

    /// <summary>The same for modality.</summary>
    public double ModalityShare { get; init; } = double.PositiveInfinity;

    /// <summary>The attribute models read only proposals no rule read (the model's own finds).</summary>
    public bool AttributesWhereNoRule { get; init; }

    /// <summary>
    /// When set, the model proposes no sentence the rules hold is never a commitment (courtesies, questions, and since
    /// ADR 0121 a consequence foreseen: <see cref="LanguageRules.CommitsToNothing"/>): those words say so whatever the
    /// model's score (ADR 0048's change 5 on its own, ADR 0054).
    /// </summary>
    public bool ModelHeedsNotACommitment { get; init; }

    /// <summary>The model proposes no sentence whose auxiliary's subject fails this test (ADR 0056).</summary>
    public SubjectTest ModelSubjectTest { get; init; }

    /// <summary>The subject test applies to every model proposal, not only to sentences no rule fired on.</summary>
    public bool ModelSubjectTestEverywhere { get; init; }

    /// <summary>What embeds a sentence when the model reads embeddings; null is the shipped MiniLM (<see cref="SentenceEmbedder"/>).</summary>
    public ISentenceEmbedder? Embedder { get; init; }

    /// <summary>
    /// A sentence no rule fired on and no proposal covers is returned as worth a look (<see cref="ExtractionResult.Suggestions"/>)
    /// when the model scores it at least this; the model reads for it in every language it covers (ADR 0117).
    /// </summary>
    public double Suggest { get; init; } = double.PositiveInfinity;

    /// <summary>Per-language settings that replace <see cref="Rules"/>, <see cref="Propose"/>, <see cref="Veto"/> and <see cref="RuleReading"/> for that language.</summary>
    public IReadOnlyDictionary<string, LanguageDesign>? Languages { get; init; }

    public static ExtractionDesign RulesAlone { get; } = new(Model: null);

    /// <summary>
    /// The headline restated by a later passage of the same kind and sides sharing a word about the matter (and a fifth
    /// of the shorter's), chosen on the dev grid of ADR 0045 (<c>EXTRACTION_CV=restate</c>).
    /// </summary>
    public static TopicMerge HeadlineTopicMerge { get; } = new(LeadParagraphs: 0, MinimumShared: 1, Share: 0.2, SameSides: true, Roots: false);

    /// <summary>
    /// What the import runs (ADR 0031, ADR 0058, ADR 0066): in English the rules' proposals and every sentence the
    /// shipped model — words and the sentence's embedding — scores ≥ 0.5, a rule that fired on the whole sentence
    /// reading it (so a rule-cued proposal is never lost to a low score); in Russian the rules alone, since validation
    /// confirmed no design there.
    /// The headline topic merge and the offer reading are English only: Russian lost a validation match with them (ADR 0045).
    /// The model proposes nothing the rules hold is never a commitment (ADR 0054). The subject test
    /// (<see cref="ModelSubjectTest"/>) is off: dev chose it, validation lost two matches with it (ADR 0056).
    /// </summary>
    public static ExtractionDesign Shipped { get; } = new(SentenceModel.Shipped, Rules: true, Propose: 0.5, RuleReading: true, ModelLanguages: new HashSet<string>(["en"], StringComparer.Ordinal))
    {
        TopicMerges = new Dictionary<string, TopicMerge>(StringComparer.Ordinal) { ["en"] = HeadlineTopicMerge },
        OffersToTheAddressee = new HashSet<string>(["en"], StringComparer.Ordinal),
        ModelHeedsNotACommitment = true,
    };

    /// <summary>The shipped design that also returns the sentences worth a look.</summary>
    public static ExtractionDesign Suggesting => Shipped with { Suggest = Extractor.WorthALook };
}

/// <summary>What the subject of a model proposal's auxiliary must be (ADR 0056).</summary>
internal enum SubjectTest
{
    /// <summary>No test.</summary>
    None,

    /// <summary>Not a pronoun standing for a fact or the world ("it", "this", "which").</summary>
    Impersonal,

    /// <summary>Not impersonal, and a party, a side, a passive or "there".</summary>
    Actor,
}

/// <summary>How one language combines the rules and the sentence model (see <see cref="ExtractionDesign"/>).</summary>
internal sealed record LanguageDesign(bool Rules, double Propose, double Veto = 0, bool RuleReading = true);
