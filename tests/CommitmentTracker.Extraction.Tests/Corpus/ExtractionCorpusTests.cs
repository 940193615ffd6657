using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Extraction.Tests.Corpus;

/// <summary>
/// Runs the extractor over every corpus record and writes the report. Set EXTRACTION_REPORT to a path to write the
/// report there as well (the committed docs/extraction-quality.md is made that way).
/// </summary>
public class ExtractionCorpusTests
{
    private const string Command = "EXTRACTION_REPORT=docs/extraction-quality.md dotnet test tests/CommitmentTracker.Extraction.Tests --filter ExtractionCorpusTests";

    internal static IReadOnlyList<KnownParty> Parties { get; } =
        [.. ExtractionCorpus.Parties.Select(p => new KnownParty(p.Key, [.. p.Names.Values.SelectMany(n => n)], p.Parent, p.Kind == "Government"))];

    // The shipped design (with the sentences worth a look) and each sentence's embedding kept for the run (the shipped embedder's own vectors): several
    // tests read the whole corpus, and embedding it once instead of each time keeps this project's run short.
    internal static ExtractionResult Run(CorpusRecord r) => Extractor.Extract(Request(r), ExtractionDesign.Suggesting with { Embedder = StoredEmbeddings.Instance });

    internal static ExtractionResult Run(CorpusRecord r, ExtractionDesign design) => Extractor.Extract(Request(r), design);

    internal static ExtractionRequest Request(CorpusRecord r) => new()
    {
        Text = r.Text,
        MeetingDate = r.MeetingDate,
        Parties = Parties,
        Speaker = r.Speaker,
        OtherSides = [.. r.Participants.Select(p => p.Party).Where(p => p != r.Speaker)],
    };

    internal static IReadOnlyList<RecordScore> ScoreAll() =>
        [.. ExtractionCorpus.Records.Select(r => Score(r, Run(r)))];

    internal static RecordScore Score(CorpusRecord r, ExtractionResult result) =>
        CorpusScorer.Score(r, [.. result.Candidates.Select(c => Scored(c, r))], [.. result.Suggestions.Select(s => (s.Start, s.End))]);

    private static ScoredCandidate Scored(Candidate c, CorpusRecord r) => new(
        [.. c.Spans.Select(s => (s.Start, s.End))],
        c.Kind,
        c.Modality,
        c.Lead,
        c.Counterparts,
        Window(c.DuePhrase, r.MeetingDate),
        [.. c.Amounts.Select(a => new GoldAmount(a.Value, a.Currency))],
        c.Cue,
        c.SuggestedTitle);

    private static (DateOnly? Earliest, DateOnly? Latest)? Window(string? phrase, DateOnly meeting) =>
        DueWindowParser.TryParse(phrase, meeting, out var due, out _) ? (due.Earliest, due.Latest) : null;

    [Fact]
    public void Scores_the_corpus_and_writes_the_report()
    {
        var scores = ScoreAll();
        var summary = QualityReport.Summary(scores, "Extraction quality on published records", Command) + CrossValidatedSection();
        var output = Path.Combine(SeedFiles.RepositoryRoot, "TestResults");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "extraction-quality.md"), summary);
        File.WriteAllText(Path.Combine(output, "extraction-dev-details.md"), QualityReport.DevDetails(scores));
        if (Environment.GetEnvironmentVariable("EXTRACTION_REPORT") is { Length: > 0 } target)
        {
            File.WriteAllText(Path.Combine(SeedFiles.RepositoryRoot, target), summary);
        }

        scores.Count.ShouldBeGreaterThanOrEqualTo(50);
    }

    /// <summary>
    /// The dev figures that estimate generalisation without validation: each dev record extracted with a model trained
    /// on the other folds' meetings (ADR 0031). The rules' row is "fitted": the rules were written from these records.
    /// </summary>
    private static string CrossValidatedSection()
    {
        var section = new System.Text.StringBuilder()
            .AppendLine().AppendLine("## Cross-validated dev figures (ADR 0031, ADR 0037)").AppendLine()
            .AppendLine("The `dev` rows of the table above are **in-sample** (the shipped English model was trained on those records);")
            .AppendLine("these rows estimate generalisation instead, and even they run well above validation (ADR 0037).")
            .AppendLine("Five folds by meeting key over the dev records; each record is extracted with a sentence model trained on the")
            .AppendLine("other four folds. The rules were written from these records, so their row is fitted, not an estimate; the")
            .AppendLine("model rows use the rules' cue ids as features, so they lean optimistic too. Search: `EXTRACTION_CV=1 dotnet test")
            .AppendLine("tests/CommitmentTracker.Extraction.Tests --filter ModelTraining`.").AppendLine()
            .AppendLine(PooledScore.Header);
        var designs = new (string Label, Func<Model.SentenceModel, ExtractionDesign> Design, bool WithCues)[]
        {
            ("rules alone (fitted)", _ => ExtractionDesign.RulesAlone, true),
            ("model alone ≥ 0.4 (cross-validated)", m => new ExtractionDesign(m, Rules: false, Propose: 0.4, RuleReading: true), true),
            ("rules + model ≥ 0.5 (cross-validated)", m => new ExtractionDesign(m, Propose: 0.5), true),
            ("rules + lexical model ≥ 0.7 (cross-validated)", m => new ExtractionDesign(m, Propose: 0.7), false),
            ("shipped design (cross-validated)", m => ExtractionDesign.Shipped with { Model = m }, true),
        };
        foreach (var (label, design, withCues) in designs)
        {
            foreach (var row in ModelCrossValidation.Rows(ModelCrossValidation.CrossValidated(design, withCues), $"dev, {label}"))
            {
                section.AppendLine(row);
            }
        }

        // ADR 0037's two English candidates (fewer, more general features; pruned by meetings; threshold 0.35) with
        // the Russian rules + Snowball-stem model: better here, not on validation, so not shipped.
        foreach (var (name, (options, design)) in ModelTraining.Round5)
        {
            var models = Enumerable.Range(0, ModelCrossValidation.Folds)
                .Select(f => ModelCrossValidation.Train([.. ModelCrossValidation.Dev.Where(r => ModelCrossValidation.FoldOf[r.MeetingKey] != f)], options)).ToArray();
            var scores = ModelCrossValidation.Dev.Select(r => Score(r, Run(r, design(models[ModelCrossValidation.FoldOf[r.MeetingKey]])))).ToList();
            foreach (var row in ModelCrossValidation.Rows(scores, $"dev, ADR 0037 candidate \"{name}\" (cross-validated, not shipped)"))
            {
                section.AppendLine(row);
            }
        }

        return section.ToString();
    }

    // Floors a little below the validation figures measured when they were set (docs/extraction-quality.md), so a
    // change can raise them but not lower them. Raise them with the figures; never lower them to pass.
    [Theory]
    // ADR 0031, on the corpus with main's 21 new records: English 0.67 (40/60) / 0.67 (40/60), where the rules alone
    // now give 0.58 / 0.65 — the new validation records, not the model, moved the English precision floor below 0.70.
    // ADR 0037, on the corpus with main's 17 further records: English recall 0.68 (67/98), precision 0.66 (67/101);
    // the recall floor rises with it (the new records, not a design change, moved it). Russian is unchanged.
    // ADR 0045: the headline topic merge took English precision to 0.67 (67/100) at the same recall; its floor rises.
    // ADR 0054, on the corpus with 25 further records (6 en / 5 ru validation): English recall 0.71 (78/110); the recall
    // floor rises with it. English precision is 0.65 (78/120), so its floor goes DOWN, 0.66 -> 0.65: the new validation
    // records already put the code of before the round at 0.655 (78/119), and retraining on the last dev record (as the
    // weights test requires) added two wrong proposals (78/118 -> 78/120; ADR 0054 says why the record stays). Russian fell a little with the new records (0.75 (46/61) / 0.58 (46/79)); its floors stay.
    // ADR 0056: the time-phrase grammar left every pooled validation figure where it was (English 0.71 (78/110) /
    // 0.65 (78/120), Russian 0.75 (46/61) / 0.58 (46/79)); the subject test it looked at cost two English matches and
    // is not shipped. No floor moves.
    // ADR 0058, on the corpus with 49 further records (9 en / 8 ru validation), the model retrained on the enlarged dev
    // part and the rules' proposals added to the model's: English 0.64 (82/129) / 0.62 (82/133). Both floors go DOWN to
    // just below the measurement: the new validation records alone put the design and weights of before the round at
    // 0.66 (85/129) / 0.64 (85/133); the retraining the weights test requires cost four matches (81/129), and the
    // design the round adopted won one back.
    // ADR 0066: the model reads each English sentence's embedding beside its words: English 0.71 (92/129) / 0.60
    // (92/153). The recall floor rises with it; the precision floor goes DOWN, 0.61 -> 0.60, just below the measurement:
    // the adoption rule (committed before the look) weighed recall and precision together (F1.5 0.630 -> 0.675).
    // ADR 0114, on the corpus with 10 further English validation records: 0.73 (119/162) / 0.60 (119/198); the code of
    // before the round read 119/162 and 119/197 on them. The recall floor rises to just below the measurement.
    // ADR 0117: the sentences worth a look (not proposals: recall and precision are unchanged) put 0.94 (152/162) of
    // the English commitments within reach; its floor is set just below.
    // ADR 0121: a consequence foreseen commits to nothing: 0.73 (119/162) / 0.61 (119/195). The precision floor stays
    // 0.60: 0.61 would be the measurement itself, and one more proposal anywhere would fail it.
    [InlineData("en", 0.73, 0.60, 0.93)]
    // ADR 0033, on the corpus with main's 25 further records: Russian recall 0.76 (42/55), precision 0.58 (42/72);
    // the recall floor rises with it. English is unchanged at 0.67 (48/72) / 0.67 (48/72).
    // ADR 0058: with 8 further validation records Russian reads 0.74 (54/73) / 0.59 (54/92) — recall 0.7397, below its
    // floor, so that floor goes down to 0.73 (the new records, no code: Russian reads with the rules alone); precision
    // rose, so its floor rises to 0.58.
    // ADR 0089: the Russian engagement words at parity with the English list: 0.77 (56/73) / 0.57 (56/98). The recall
    // floor rises with it; the precision floor goes DOWN, 0.58 -> 0.57, just below the measurement: the adoption rule
    // (committed before the look) weighed recall and precision together (F1.5 0.685 -> 0.694), as ADR 0066's did.
    // ADR 0114: with 7 further Russian validation records, 0.74 (69/93) / 0.58 (69/119); the code of before the round
    // read 69/93 and 69/120, so the new records, not the round's code, put recall below its floor: it goes down to 0.74.
    // ADR 0117: within reach 0.87 (81/93); its floor is set just below.
    // ADR 0128: 0.75 (70/93) / 0.58 (70/120), within reach 0.88 (82/93). The within-reach floor rises to 0.87, which one
    // lost commitment would still meet; recall and precision floors stay, as one proposal either way would cross 0.75 / 0.58.
    // ADR 0130: 0.76 (71/93) / 0.59 (71/121); the recall floor rises to 0.75. Within reach fell to 0.86 (80/93): the
    // model, retrained for the new cue, flags 47 Russian sentences worth a look instead of 60, and two missed commitments
    // are no longer among them. The within-reach floor goes DOWN to 0.85, just below the measurement (dev within reach
    // rose, 157 -> 158 of 166); the trade is said in the ADR.
    [InlineData("ru", 0.75, 0.57, 0.85)]
    public void Validation_recall_and_precision_stay_above_their_floors(string language, double recallFloor, double precisionFloor, double withinReachFloor)
    {
        var pooled = new PooledScore(ScoreAll().Where(s => s.Record.IsValidation && s.Record.Language == language));

        pooled.Records.ShouldBeGreaterThanOrEqualTo(10, $"the {language} validation part is too small to measure");
        pooled.Recall.ShouldBeGreaterThanOrEqualTo(recallFloor, $"{language} validation recall ({pooled.Matched}/{pooled.Gold})");
        pooled.Precision.ShouldBeGreaterThanOrEqualTo(precisionFloor, $"{language} validation precision ({pooled.Matched}/{pooled.Predicted})");
        pooled.WithinReach.ShouldBeGreaterThanOrEqualTo(withinReachFloor, $"{language} validation within reach ({pooled.Matched + pooled.Reached}/{pooled.Gold})");
    }

    /// <summary>
    /// ADR 0079: a suggested title an analyst can accept as it is. Over the dev records' proposals (461 when measured),
    /// none starts with a clause's punctuation, every quotation a title opens is closed (ADR 0099), and few are cut short with an ellipsis, which the
    /// review form makes the analyst complete (17 then, 22 before the decision). ADR 0114's 18 new dev records brought
    /// 3 more of their ~40 (a Xinhua list of pledges, a 30-word Russian news lead): 21 of ~510, so the bound is 5 %.
    /// </summary>
    [Fact]
    public void Dev_titles_start_with_a_word_and_few_are_cut_short()
    {
        List<string> titles = [.. ExtractionCorpus.Records.Where(r => !r.IsValidation).SelectMany(r => Run(r).Candidates.Select(c => c.SuggestedTitle))];

        titles.Count.ShouldBeGreaterThan(400);
        // A title may open with a quotation it closes («"По-военному" решать…», ADR 0099), never with a clause's punctuation.
        titles.Where(t => t.TrimStart('"', '«', '“') is not [var first, ..] || !char.IsLetterOrDigit(first)).ShouldBeEmpty();
        titles.Where(t => t.Count(c => c == '"') % 2 != 0 || t.Count(c => c == '«') != t.Count(c => c == '»') || t.Count(c => c == '“') != t.Count(c => c == '”')).ShouldBeEmpty("a quotation a title opens is closed");
        titles.Count(t => t.EndsWith('…')).ShouldBeLessThanOrEqualTo(titles.Count / 20, "titles cut short (at most 5 %)");
    }

    /// <summary>
    /// ADR 0117: over the dev records, the sentences worth a look are whole sentences no proposal cites, scored from the
    /// threshold, in both languages; and they reach commitments the proposals missed.
    /// </summary>
    [Fact]
    public void Dev_sentences_worth_a_look_cite_what_no_proposal_cites_in_both_languages()
    {
        var dev = ExtractionCorpus.Records.Where(r => !r.IsValidation).Select(r => (Record: r, Result: Run(r))).ToList();

        foreach (var (record, result) in dev)
        {
            foreach (var s in result.Suggestions)
            {
                s.Quote.ShouldBe(record.Text[s.Start..s.End]);
                s.Score.ShouldBeGreaterThanOrEqualTo(Extractor.WorthALook);
                result.Candidates.SelectMany(c => c.Spans).ShouldNotContain(p => p.Start < s.End && s.Start < p.End, $"{record.Id}: «{s.Quote}»");
            }
        }

        foreach (var language in new[] { "en", "ru" })
        {
            var pooled = new PooledScore(dev.Where(x => x.Record.Language == language).Select(x => Score(x.Record, x.Result)));
            pooled.Looks.ShouldBeGreaterThan(0, language);
            pooled.Reached.ShouldBeGreaterThan(0, language);
            pooled.WithinReach.ShouldBeGreaterThan(pooled.Recall, language);
        }
    }

    [Fact]
    public void Every_gold_span_is_in_its_record_once_and_every_split_is_set()
    {
        foreach (var record in ExtractionCorpus.Records)
        {
            record.Split.ShouldBeOneOf(["dev", "validation"], record.Id);
            foreach (var span in record.Commitments.SelectMany(c => c.Spans))
            {
                var first = record.Text.IndexOf(span, StringComparison.Ordinal);
                first.ShouldBeGreaterThanOrEqualTo(0, $"{record.Id}: «{span}»");
                record.Text.IndexOf(span, first + 1, StringComparison.Ordinal).ShouldBe(-1, $"{record.Id}: «{span}» occurs twice");
            }
        }
    }
}
