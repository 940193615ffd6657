using System.Globalization;
using System.Text;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Extraction.Rules;

namespace CommitmentTracker.Extraction.Tests.Corpus;

/// <summary>A proposal as the scorer sees it: where it is, what it says, and what accepting it as is would save.</summary>
internal sealed record ScoredCandidate(
    IReadOnlyList<(int Start, int End)> Spans,
    CommitmentKind Kind,
    Modality Modality,
    IReadOnlyCollection<string> Lead,
    IReadOnlyCollection<string> Counterpart,
    (DateOnly? Earliest, DateOnly? Latest)? Due,
    IReadOnlyCollection<GoldAmount> Amounts,
    string Cue,
    string Title);

/// <summary>
/// Scores proposals against a record's gold list. A proposal matches a gold commitment when one of its spans and one
/// of the commitment's spans overlap by at least half of the shorter of the two; pairs are taken greedily, largest
/// overlap first, one proposal per commitment. A second proposal for a commitment already matched is a duplicate
/// (it counts against precision, and in the duplicate rate); a proposal matching nothing is a false positive.
/// Attributes are scored on matched pairs: kind and modality on all of them; parties when the lead and counterpart
/// sets both equal the gold ones; due when either side has a window (both null is not counted), equal when both
/// ends are equal; amounts when either side has one, equal as sets of (value, currency).
/// </summary>
internal static class CorpusScorer
{
    /// <param name="looks">Sentences the extractor marked worth a look (ADR 0117): a gold commitment no proposal matched
    /// is reached when one of its spans overlaps one of them by the same rule.</param>
    public static RecordScore Score(CorpusRecord record, IReadOnlyList<ScoredCandidate> predicted, IReadOnlyList<(int Start, int End)>? looks = null)
    {
        var gold = record.Commitments.Select(g => g.Spans.Select(s =>
        {
            var at = record.Text.IndexOf(s, StringComparison.Ordinal);
            return (Start: at, End: at + s.Length);
        }).ToList()).ToList();

        var pairs = new List<(int P, int G, int Overlap)>();
        for (var p = 0; p < predicted.Count; p++)
        {
            for (var g = 0; g < gold.Count; g++)
            {
                var best = predicted[p].Spans.SelectMany(ps => gold[g].Select(gs => Overlap(ps, gs))).Max();
                if (best > 0)
                {
                    pairs.Add((p, g, best));
                }
            }
        }

        var goldOf = new int?[predicted.Count];
        var matched = new bool[gold.Count];
        foreach (var (p, g, _) in pairs.OrderByDescending(x => x.Overlap).ThenBy(x => x.P))
        {
            if (goldOf[p] is null && !matched[g])
            {
                (goldOf[p], matched[g]) = (g, true);
            }
        }

        var score = new RecordScore(record);
        for (var p = 0; p < predicted.Count; p++)
        {
            var c = predicted[p];
            if (goldOf[p] is not { } g)
            {
                // A duplicate names the commitment it repeats (the one it overlaps most), so the dev details show what to merge.
                var repeated = pairs.Where(x => x.P == p).OrderByDescending(x => x.Overlap).Select(x => (int?)x.G).FirstOrDefault();
                var duplicate = repeated is not null;
                score.Outcomes.Add(new Outcome(c, repeated is { } r ? record.Commitments[r] : null, duplicate ? "duplicate" : "false positive"));
                if (duplicate)
                {
                    score.Duplicates++;
                }

                continue;
            }

            var expected = record.Commitments[g];
            score.Matched++;
            var outcome = new Outcome(c, expected, "match");
            score.Kind.Add(c.Kind == expected.Kind, outcome, $"kind {c.Kind} ≠ {expected.Kind}");
            score.Modality.Add(c.Modality == expected.Modality, outcome, $"modality {c.Modality} ≠ {expected.Modality}");
            score.Parties.Add(
                c.Lead.ToHashSet().SetEquals(expected.Lead) && c.Counterpart.ToHashSet().SetEquals(expected.Counterpart),
                outcome,
                $"parties {string.Join(',', c.Lead)}/{string.Join(',', c.Counterpart)} ≠ {string.Join(',', expected.Lead)}/{string.Join(',', expected.Counterpart)}");
            if (c.Due is not null || expected.Due is not null)
            {
                var ok = c.Due is { } d && expected.Due is { } e && (d.Earliest ?? record.MeetingDate) == e.Earliest && d.Latest == e.Latest;
                score.Due.Add(ok, outcome, $"due {Show(c.Due)} ≠ {(expected.Due is { } x ? $"{x.Phrase} {Show((x.Earliest, x.Latest))}" : "none")}");
            }

            if (c.Amounts.Count > 0 || expected.Amounts.Count > 0)
            {
                score.Amounts.Add(c.Amounts.ToHashSet().SetEquals(expected.Amounts), outcome,
                    $"amounts [{string.Join("; ", c.Amounts)}] ≠ [{string.Join("; ", expected.Amounts)}]");
            }

            score.Outcomes.Add(outcome);
        }

        looks ??= [];
        for (var g = 0; g < gold.Count; g++)
        {
            if (!matched[g])
            {
                score.Missed.Add(record.Commitments[g]);
                if (looks.Any(l => gold[g].Any(gs => Overlap(l, gs) > 0)))
                {
                    score.Reached++;
                }
            }
        }

        score.Looks = looks.Count;
        score.UsefulLooks = looks.Count(l => Enumerable.Range(0, gold.Count).Any(g => !matched[g] && gold[g].Any(gs => Overlap(l, gs) > 0)));

        score.Predicted = predicted.Count;
        score.AsProposed = score.Outcomes.Count(o => o.Verdict == "match" && o.Errors.Count == 0);
        return score;
    }

    private static int Overlap((int Start, int End) a, (int Start, int End) b)
    {
        var overlap = Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start);
        var shorter = Math.Min(a.End - a.Start, b.End - b.Start);
        return overlap > 0 && overlap * 2 >= shorter ? overlap : 0;
    }

    private static string Show((DateOnly? Earliest, DateOnly? Latest)? due) =>
        due is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d.Earliest?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}..{d.Latest?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "open"}") : "none";
}

internal sealed class Accuracy
{
    public int Right { get; private set; }

    public int Total { get; private set; }

    public void Add(bool right, Outcome outcome, string wrong)
    {
        Total++;
        if (right)
        {
            Right++;
        }
        else
        {
            outcome.Errors.Add(wrong);
        }
    }

    public void Add(Accuracy other)
    {
        Right += other.Right;
        Total += other.Total;
    }

    public double? Value => Total == 0 ? null : (double)Right / Total;

    public override string ToString() => Total == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{Value:0.00} ({Right}/{Total})");
}

internal sealed record Outcome(ScoredCandidate Candidate, GoldCommitment? Gold, string Verdict)
{
    public List<string> Errors { get; } = [];
}

internal sealed class RecordScore(CorpusRecord record)
{
    public CorpusRecord Record { get; } = record;

    public int Gold => Record.Commitments.Count;

    public int Predicted { get; set; }

    public int Matched { get; set; }

    public int Duplicates { get; set; }

    /// <summary>Proposals an analyst can accept as they stand: matched, with every scored attribute right.</summary>
    public int AsProposed { get; set; }

    /// <summary>Sentences marked worth a look.</summary>
    public int Looks { get; set; }

    /// <summary>Looks that overlap a gold commitment no proposal matched.</summary>
    public int UsefulLooks { get; set; }

    /// <summary>Gold commitments no proposal matched that a look overlaps.</summary>
    public int Reached { get; set; }

    public Accuracy Kind { get; } = new();

    public Accuracy Modality { get; } = new();

    public Accuracy Parties { get; } = new();

    public Accuracy Due { get; } = new();

    public Accuracy Amounts { get; } = new();

    public List<Outcome> Outcomes { get; } = [];

    public List<GoldCommitment> Missed { get; } = [];
}

/// <summary>Scores pooled over a set of records (a language's dev or validation part).</summary>
internal sealed class PooledScore
{
    public PooledScore(IEnumerable<RecordScore> scores)
    {
        foreach (var s in scores)
        {
            Records++;
            Gold += s.Gold;
            Predicted += s.Predicted;
            Matched += s.Matched;
            Duplicates += s.Duplicates;
            AsProposed += s.AsProposed;
            Looks += s.Looks;
            UsefulLooks += s.UsefulLooks;
            Reached += s.Reached;
            Kind.Add(s.Kind);
            Modality.Add(s.Modality);
            Parties.Add(s.Parties);
            Due.Add(s.Due);
            Amounts.Add(s.Amounts);
        }
    }

    public int Records { get; }

    public int Gold { get; }

    public int Predicted { get; }

    public int Matched { get; }

    public int Duplicates { get; }

    /// <summary>Matched proposals with kind, modality, parties, due window and amounts all right.</summary>
    public int AsProposed { get; }

    /// <summary>The share of all proposals an analyst accepts with one click, changing nothing.</summary>
    public double AsProposedRate => Predicted == 0 ? 0 : (double)AsProposed / Predicted;

    public int Looks { get; }

    public int UsefulLooks { get; }

    public int Reached { get; }

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    /// <summary>The share of gold commitments a proposal matches or a look reaches (ADR 0117).</summary>
    public double WithinReach => Gold == 0 ? 0 : (double)(Matched + Reached) / Gold;

    /// <summary>ADR 0117's row: what the looks add to the proposals, and what they cost the analyst.</summary>
    public string LooksRow(string label) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {Records} | {Gold} | **{Recall:0.00}** ({Matched}/{Gold}) | {Looks} | {(Records == 0 ? 0 : (double)Looks / Records):0.0} | {Reached} | **{WithinReach:0.00}** ({Matched + Reached}/{Gold}) | {(Looks == 0 ? 0 : (double)UsefulLooks / Looks):0.00} ({UsefulLooks}/{Looks}) |");

    public const string LooksHeader =
        "| part | records | gold | recall of the proposals | sentences worth a look | per record | missed commitments they reach | within reach | looks that reach one |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    public double DuplicateRate => Predicted == 0 ? 0 : (double)Duplicates / Predicted;

    public Accuracy Kind { get; } = new();

    public Accuracy Modality { get; } = new();

    public Accuracy Parties { get; } = new();

    public Accuracy Due { get; } = new();

    public Accuracy Amounts { get; } = new();

    public string Row(string label) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {Records} | {Gold} | {Predicted} | **{Recall:0.00}** ({Matched}/{Gold}) | **{Precision:0.00}** ({Matched}/{Predicted}) | {Kind} | {Modality} | {Parties} | {Due} | {Amounts} | {DuplicateRate:0.00} ({Duplicates}) | {AsProposedRate:0.00} ({AsProposed}/{Predicted}) |");

    public const string Header =
        "| part | records | gold | proposed | recall | precision | kind | modality | parties | due window | amounts | duplicates | accepted as proposed |\n"
        + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
}

/// <summary>The markdown report (docs/extraction-quality.md) and, for dev records only, the list of every error.</summary>
internal static class QualityReport
{
    public static string Summary(IReadOnlyList<RecordScore> scores, string title, string command)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# {title}").AppendLine();
        report.AppendLine("Written by the corpus scorer; reproduce with:").AppendLine().AppendLine("```bash").AppendLine(command).AppendLine("```").AppendLine();
        report.AppendLine("How it scores: `tests/CommitmentTracker.Extraction.Tests/Corpus/CorpusScorer.cs`; what the corpus is: `tests/corpus/README.md`.")
            .AppendLine("The **validation** rows are the figures to quote: no rule was written from those records.")
            .AppendLine("**Accepted as proposed** is the share of all proposals an analyst can accept with one click: matched, with kind,")
            .AppendLine("modality, parties, due window and amounts all right (a title is not scored).").AppendLine();
        report.AppendLine(PooledScore.Header);
        foreach (var split in new[] { "validation", "dev" })
        {
            foreach (var language in new[] { "en", "ru" })
            {
                var part = scores.Where(s => s.Record.Split == split && s.Record.Language == language).ToList();
                if (part.Count > 0)
                {
                    report.AppendLine(new PooledScore(part).Row($"{split} · {language}"));
                }
            }

            report.AppendLine(new PooledScore(scores.Where(s => s.Record.Split == split)).Row($"**{split} · both**"));
        }

        report.AppendLine().AppendLine("## Worth a look (ADR 0117)").AppendLine()
            .AppendLine("The review screen also lists the sentences no proposal covers that the sentence model scores close to a commitment.")
            .AppendLine("They are not proposals and count in no column above; **within reach** is the share of gold commitments a proposal")
            .AppendLine("matches or such a sentence overlaps (by the rule a proposal matches), what an analyst who reads the list finds.").AppendLine()
            .AppendLine(PooledScore.LooksHeader);
        foreach (var split in new[] { "validation", "dev" })
        {
            foreach (var language in new[] { "en", "ru" })
            {
                var part = scores.Where(s => s.Record.Split == split && s.Record.Language == language).ToList();
                if (part.Count > 0)
                {
                    report.AppendLine(new PooledScore(part).LooksRow($"{split} · {language}"));
                }
            }
        }

        report.AppendLine().AppendLine("## Per record").AppendLine();
        report.AppendLine("| record | split | gold | proposed | found | recall | precision | duplicates |").AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in scores.OrderBy(s => s.Record.Split, StringComparer.Ordinal).ThenBy(s => s.Record.Id, StringComparer.Ordinal))
        {
            var recall = s.Gold == 0 ? 1 : (double)s.Matched / s.Gold;
            var precision = s.Predicted == 0 ? 1 : (double)s.Matched / s.Predicted;
            report.AppendLine(CultureInfo.InvariantCulture, $"| [{s.Record.Id}]({s.Record.Url}) | {s.Record.Split} | {s.Gold} | {s.Predicted} | {s.Matched} | {recall:0.00} | {precision:0.00} | {s.Duplicates} |");
        }

        return report.ToString();
    }

    /// <summary>
    /// Every dev proposal's suggested title beside the passage it came from. Titles are not scored (the gold lists have
    /// none), so a title rule is measured by reading this list before and after (ADRs 0079, 0093, 0096).
    /// </summary>
    public static string DevTitles(IReadOnlyList<RecordScore> scores)
    {
        var report = new StringBuilder("# Dev records: every proposal's title\n\n");
        foreach (var s in scores.Where(s => s.Record.Split == "dev"))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"## {s.Record.Id}").AppendLine();
            foreach (var o in s.Outcomes)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"- {o.Candidate.Title} ← `{o.Candidate.Cue}` «{s.Record.Text[o.Candidate.Spans[0].Start..o.Candidate.Spans[0].End]}»");
            }

            report.AppendLine();
        }

        return report.ToString();
    }

    /// <summary>Every miss, false positive and attribute error of the dev records, quoted, for the rule writer.</summary>
    public static string DevDetails(IReadOnlyList<RecordScore> scores)
    {
        var report = new StringBuilder("# Dev records: every error\n\n");
        var dev = scores.Where(s => s.Record.Split == "dev").ToList();
        ByRule(report, dev);
        foreach (var s in dev)
        {
            var errors = s.Outcomes.Where(o => o.Verdict != "match" || o.Errors.Count > 0).ToList();
            if (errors.Count == 0 && s.Missed.Count == 0)
            {
                continue;
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"## {s.Record.Id} ({s.Record.Language}, {s.Record.MeetingDate:yyyy-MM-dd}, speaker {s.Record.Speaker}, participants {string.Join(", ", s.Record.Participants.Select(p => $"{p.Party}/{p.Role}"))})").AppendLine();
            foreach (var m in s.Missed)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"- MISSED {m.Kind}/{m.Modality} lead {string.Join(',', m.Lead)} cp {string.Join(',', m.Counterpart)} due {m.Due?.Phrase ?? "-"}: «{string.Join(" | ", m.Spans)}» — {m.Why}");
            }

            foreach (var o in errors)
            {
                var quote = string.Join(" | ", o.Candidate.Spans.Select(x => s.Record.Text[x.Start..x.End]));
                var repeats = o.Verdict == "duplicate" && o.Gold is { } g ? $" — repeats «{string.Join(" | ", g.Spans)}»" : string.Empty;
                report.AppendLine(CultureInfo.InvariantCulture, $"- {o.Verdict.ToUpperInvariant()} `{o.Candidate.Cue}` {o.Candidate.Kind}/{o.Candidate.Modality}: «{quote}» {string.Join("; ", o.Errors)}{repeats}");
            }

            report.AppendLine();
        }

        return report.ToString();
    }

    /// <summary>
    /// Each rule's own record on the dev part (the model's finds as one row): how often its proposals match, repeat a
    /// matched commitment, or match nothing. A rule's precision here is fitted, an upper estimate (ADR 0075).
    /// </summary>
    private static void ByRule(StringBuilder report, IReadOnlyList<RecordScore> dev)
    {
        // A model proposal's cue is the model's id and then its score and signals.
        var model = CueFinder.ModelCue.Id;
        report.AppendLine("## By rule").AppendLine()
            .AppendLine("| language | rule | match | duplicate | false positive | fitted precision |")
            .AppendLine("| --- | --- | ---: | ---: | ---: | ---: |");
        var rows = dev.SelectMany(s => s.Outcomes.Select(o => (s.Record.Language, Rule: o.Candidate.Cue.StartsWith(model, StringComparison.Ordinal) ? model : o.Candidate.Cue, o.Verdict)))
            .GroupBy(x => (x.Language, x.Rule))
            .OrderBy(g => g.Key.Language, StringComparer.Ordinal).ThenBy(g => g.Key.Rule, StringComparer.Ordinal);
        foreach (var rule in rows)
        {
            var match = rule.Count(x => x.Verdict == "match");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {rule.Key.Language} | `{rule.Key.Rule}` | {match} | {rule.Count(x => x.Verdict == "duplicate")} | {rule.Count(x => x.Verdict == "false positive")} | {(double)match / rule.Count():0.00} |");
        }

        report.AppendLine();
    }
}
