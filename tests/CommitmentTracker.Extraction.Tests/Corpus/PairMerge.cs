using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Extraction.Model;
using CommitmentTracker.Extraction.Rules;

namespace CommitmentTracker.Extraction.Tests.Corpus;

/// <summary>
/// ADR 0058's experiment: a learned decision whether two proposals of one record are the same undertaking (a restatement
/// the gold lists cite as one commitment), over features of the pair — how far apart, the same kind, sides and cue, how
/// many words they share, a switch from reported to first-person speech, a later passage that points back or opens a
/// new item — trained on the dev records' proposals by logistic regression and judged by cross-validation by meeting.
/// </summary>
internal static partial class PairMerge
{
    /// <summary>Whether the pair's embedding similarity is a feature too (<c>EXTRACTION_PAIRS_COSINE=1</c>, ADR 0080).</summary>
    private static readonly bool Cosine = Environment.GetEnvironmentVariable("EXTRACTION_PAIRS_COSINE") == "1";

    /// <summary>Pairs further apart than this many sentences are not compared, unless the earlier one is in the lead.</summary>
    private const int Window = 4;

    public static IReadOnlyList<string> Features(string text, string language, Candidate a, Candidate b)
    {
        var rules = LanguageRules.For(language);
        var features = new List<string> { SentenceFeatures.Bias, "lang:" + language };
        var between = b.Start > a.End ? text[a.End..b.Start] : string.Empty;
        var paragraphs = between.Count(c => c == '\n');
        var sentences = SentenceEnd().Count(between) + paragraphs;
        features.Add("sentences:" + Math.Min(sentences, Window));
        features.Add("paragraphs:" + Math.Min(paragraphs, 3));
        if (Paragraph(text, a.Start) <= 2)
        {
            features.Add("earlier-in-lead");
        }

        Add(features, a.Kind == b.Kind, "same-kind");
        Add(features, a.Lead.SequenceEqual(b.Lead), "same-lead");
        Add(features, a.Counterparts.SequenceEqual(b.Counterparts), "same-counterpart");
        Add(features, a.Cue == b.Cue, "same-cue");
        Add(features, Family(a.Cue) == Family(b.Cue), "same-cue-family");
        Add(features, a.Cue.StartsWith("model", StringComparison.Ordinal) || b.Cue.StartsWith("model", StringComparison.Ordinal), "a-model-find");

        var (aQuote, bQuote) = (Quote(a), Quote(b));
        var (aContent, bContent) = (Restatements.Content(aQuote, rules), Restatements.Content(bQuote, rules));
        var shared = aContent.Count(bContent.Contains);
        var smaller = Math.Max(1, Math.Min(aContent.Count, bContent.Count));
        features.Add("shared:" + Math.Min(shared, 4));
        features.Add("share:" + Bucket((double)shared / smaller));
        var (aRoots, bRoots) = (Roots(aContent), Roots(bContent));
        var sharedRoots = aRoots.Count(bRoots.Contains);
        features.Add("root-share:" + Bucket((double)sharedRoots / Math.Max(1, Math.Min(aRoots.Count, bRoots.Count))));
        var (aFirst, bFirst) = (FirstPerson().IsMatch(aQuote), FirstPerson().IsMatch(bQuote));
        Add(features, !aFirst && bFirst, "reported-then-quoted");
        Add(features, aFirst && bFirst, "both-first-person");
        Add(features, rules.PointsBack.IsMatch(bQuote), "later-points-back");
        Add(features, rules.NewItem.IsMatch(bQuote), "later-new-item");
        Add(features, Also().IsMatch(bQuote), "later-also");
        Add(features, a.DuePhrase is not null && b.DuePhrase is not null && a.DuePhrase != b.DuePhrase, "due-differs");
        Add(features, a.Amounts.Count > 0 && b.Amounts.Count > 0 && !a.Amounts.Any(x => b.Amounts.Any(y => x.Value == y.Value && x.Currency == y.Currency)), "sums-differ");
        if (Cosine)
        {
            // ADR 0080: how close the two passages' meanings are (the sentence embedding; Russian through the gloss).
            var vectors = StoredEmbeddings.Instance.Embed([aQuote, bQuote]);
            var cosine = vectors[0].Zip(vectors[1], (x, y) => (double)x * y).Sum();
            features.Add("cos:" + (cosine switch { < 0.3 => "<0.3", < 0.45 => "<0.45", < 0.6 => "<0.6", < 0.75 => "<0.75", _ => "≥0.75" }));
        }

        return features;
    }

    /// <summary>Whether the two are compared at all: near each other, or the earlier one in the headline or lead.</summary>
    public static bool Compared(string text, Candidate a, Candidate b)
    {
        var between = b.Start > a.End ? text[a.End..b.Start] : string.Empty;
        return SentenceEnd().Count(between) + between.Count(c => c == '\n') <= Window || Paragraph(text, a.Start) <= 2;
    }

    /// <summary>Training pairs: both proposals overlap gold commitments; positive when they share one.</summary>
    public static IEnumerable<(IReadOnlyList<string> Features, bool Positive)> Examples(CorpusRecord record, IReadOnlyList<Candidate> candidates)
    {
        var golds = candidates.Select(c => GoldOf(record, c)).ToList();
        for (var j = 0; j < candidates.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (golds[i].Count == 0 || golds[j].Count == 0 || !Compared(record.Text, candidates[i], candidates[j]))
                {
                    continue;
                }

                yield return (Features(record.Text, record.Language, candidates[i], candidates[j]), golds[i].Overlaps(golds[j]));
            }
        }
    }

    /// <summary>Greedy merge in text order: each proposal joins the earlier group it most likely restates, if at or above <paramref name="threshold"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<Candidate>> Merge(string text, string language, IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<string, double> weights, double threshold)
    {
        var groups = new List<List<Candidate>>();
        foreach (var candidate in candidates)
        {
            var best = -1;
            var most = threshold;
            for (var g = 0; g < groups.Count; g++)
            {
                foreach (var earlier in groups[g].Where(e => Compared(text, e, candidate)))
                {
                    var p = Probability(weights, Features(text, language, earlier, candidate));
                    if (p >= most)
                    {
                        (best, most) = (g, p);
                    }
                }
            }

            if (best < 0)
            {
                groups.Add([candidate]);
            }
            else
            {
                groups[best].Add(candidate);
            }
        }

        return groups;
    }

    private static double Probability(IReadOnlyDictionary<string, double> weights, IReadOnlyList<string> features) =>
        1 / (1 + Math.Exp(-features.Sum(f => weights.GetValueOrDefault(f))));

    private static HashSet<int> GoldOf(CorpusRecord record, Candidate candidate)
    {
        var found = new HashSet<int>();
        for (var g = 0; g < record.Commitments.Count; g++)
        {
            foreach (var span in record.Commitments[g].Spans)
            {
                var start = record.Text.IndexOf(span, StringComparison.Ordinal);
                if (candidate.Spans.Any(s => HalfOverlap((s.Start, s.End), (start, start + span.Length))))
                {
                    found.Add(g);
                }
            }
        }

        return found;
    }

    private static bool HalfOverlap((int Start, int End) a, (int Start, int End) b)
    {
        var overlap = Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start);
        return overlap > 0 && overlap * 2 >= Math.Min(a.End - a.Start, b.End - b.Start);
    }

    private static void Add(List<string> features, bool on, string name)
    {
        if (on)
        {
            features.Add(name);
        }
    }

    private static string Family(string cue) => cue.StartsWith("model", StringComparison.Ordinal) ? "model" : cue.Split('.')[0];

    private static string Quote(Candidate c) => string.Join(" ", c.Spans.Select(s => s.Quote));

    private static int Paragraph(string text, int at) => text.AsSpan(0, at).Count('\n');

    private static string Bucket(double share) => share switch
    {
        0 => "0",
        < 0.2 => "<0.2",
        < 0.4 => "<0.4",
        < 0.6 => "<0.6",
        _ => "≥0.6",
    };

    private static HashSet<string> Roots(HashSet<string> content) => [.. content.Select(s => s.Length > 5 ? s[..5] : s)];

    [GeneratedRegex(@"[.!?…](?=\s)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<!\p{L})(?:[Ww]e|I|[Uu]s|[Oo]ur|[Mm]y|[Mm]e|[Мм]ы|[Яя]|[Нн]ам|[Нн]ас|[Нн]аш\p{L}*|[Мм]не|[Мм]еня)(?!\p{L})")]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"(?<!\p{L})(?:also|as well|too|также|тоже)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex Also();
}

/// <summary>The cross-validated grid of <see cref="PairMerge"/> (EXTRACTION_PAIRS=1; ADR 0058).</summary>
public class PairMergeGrid
{
    [OnDemandFact("EXTRACTION_PAIRS")]
    public void Cross_validated_pair_merge_on_dev()
    {
        var unseen = ModelCrossValidation.Unseen();
        var report = new StringBuilder("# ADR 0058: a learned restatement merge, cross-validated on dev (5 folds by meeting)\n\n").AppendLine(PooledScore.Header);
        var thresholds = new[] { 0.5, 0.6, 0.7, 0.8, 0.9 };
        foreach (var language in new[] { "en", "ru" })
        {
            var records = ModelCrossValidation.Dev.Where(r => r.Language == language).ToList();
            var models = ModelCrossValidation.FoldModelsFor(language, TrainerOptions.Shipped(language));
            var extracted = records.ToDictionary(r => r.Id, r => ExtractionCorpusTests.Run(r, ExtractionDesign.Shipped with { Model = models[ModelCrossValidation.FoldOf[r.MeetingKey]] }).Candidates, StringComparer.Ordinal);
            var pairs = records.ToDictionary(r => r.Id, r => PairMerge.Examples(r, extracted[r.Id]).ToList(), StringComparer.Ordinal);
            var weights = Enumerable.Range(0, ModelCrossValidation.Folds).Select(f => SentenceModelTrainer.Train(
                [.. records.Where(r => ModelCrossValidation.FoldOf[r.MeetingKey] != f).SelectMany(r => pairs[r.Id])])).ToArray();
            var positives = pairs.Values.Sum(p => p.Count(x => x.Positive));
            var negatives = pairs.Values.Sum(p => p.Count(x => !x.Positive));
            report.AppendLine(CultureInfo.InvariantCulture, $"| {language}: {positives} pairs of one commitment, {negatives} of two, in {records.Count} records | | | | | | | | | | | |");
            var cells = new List<(string Label, List<RecordScore> Scores)>();
            foreach (var t in thresholds.Prepend(double.PositiveInfinity))
            {
                var scores = records.Select(r =>
                {
                    var w = weights[ModelCrossValidation.FoldOf[r.MeetingKey]];
                    var groups = double.IsPositiveInfinity(t) ? extracted[r.Id].Select(c => (IReadOnlyList<Candidate>)[c]).ToList() : PairMerge.Merge(r.Text, language, extracted[r.Id], w, t);
                    return CorpusScorer.Score(r, [.. groups.Select(g => Scored(g, r))]);
                }).ToList();
                var label = double.IsPositiveInfinity(t) ? "shipped (no pair merge)" : string.Create(CultureInfo.InvariantCulture, $"pair merge ≥ {t}");
                cells.Add((label, scores));
                var pooled = new PooledScore(scores);
                report.AppendLine(pooled.Row(string.Create(CultureInfo.InvariantCulture, $"F1.5 {ModelCrossValidation.F(pooled):0.000} · {label} · {language}")));
                if (unseen.Count > 0)
                {
                    var fresh = new PooledScore(scores.Where(x => unseen.Contains(x.Record.Id)));
                    report.AppendLine(fresh.Row(string.Create(CultureInfo.InvariantCulture, $"F1.5 {ModelCrossValidation.F(fresh):0.000} · {label} · {language}, dev records added after the rules")));
                }
            }

            report.AppendLine(ModelCrossValidation.NestedRow(cells, language));
        }

        Directory.CreateDirectory(Path.Combine(SeedFiles.RepositoryRoot, "TestResults"));
        File.WriteAllText(Path.Combine(SeedFiles.RepositoryRoot, "TestResults", "extraction-cv-pairs.md"), report.ToString());
        report.Length.ShouldBeGreaterThan(0);
    }

    private static ScoredCandidate Scored(IReadOnlyList<Candidate> group, CorpusRecord r)
    {
        var first = group[0];
        var phrase = group.Select(c => c.DuePhrase).FirstOrDefault(p => p is not null);
        (DateOnly? Earliest, DateOnly? Latest)? due = DueWindowParser.TryParse(phrase, r.MeetingDate, out var window, out _) ? (window.Earliest, window.Latest) : null;
        return new ScoredCandidate(
            [.. group.SelectMany(c => c.Spans).Select(s => (s.Start, s.End)).OrderBy(s => s.Start)],
            first.Kind,
            first.Modality,
            first.Lead,
            first.Counterparts,
            due,
            [.. group.SelectMany(c => c.Amounts).Select(a => new GoldAmount(a.Value, a.Currency)).Distinct()],
            first.Cue,
            first.SuggestedTitle);
    }
}
