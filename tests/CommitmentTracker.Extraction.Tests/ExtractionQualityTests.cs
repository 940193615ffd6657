using System.Globalization;
using System.Text;
using CommitmentTracker.Extraction;

namespace CommitmentTracker.Extraction.Tests;

/// <summary>
/// Runs the extractor over both seed records and scores it against the curated spans. A labelled span is found
/// when a candidate covers at least half of it; a candidate is correct when it covers at least half of a labelled
/// span or lies at least half inside one. Recall counts commitments with at least one span found.
/// </summary>
public class ExtractionQualityTests
{
    // The seeds are the records the first rules were written from, curated more strictly than the corpus (they
    // leave out "we need to decide on the centers"-style statements the corpus counts). Measured now: precision 0.78,
    // recall 0.96 (22/23). The floors sit just below, so quality here can only go up; the figures that matter are the
    // corpus validation figures (ExtractionCorpusTests).
    // ADR 0031: the English sentence model proposes what the corpus's curation counts and the seeds' stricter one
    // leaves out; on the seeds that is precision 0.69 (31/45), recall unchanged. This floor was lowered from 0.75 on
    // purpose, because the validation figures (ExtractionCorpusTests) rose; the lead decides whether that trade stands.
    // ADR 0037: retrained on main's 17 new records (as the weights test requires), the same model design gives 0.65
    // (30/46) here, recall unchanged; lowered from 0.68 for that reason only, marked for the lead like ADR 0031's.
    // ADR 0066: the English model that also reads each sentence's embedding took the corpus's English validation recall
    // from 0.64 to 0.71; here it proposes more of what the seeds' stricter curation leaves out: precision 0.70 (31/44)
    // before, 0.62 (31/50) with it, recall unchanged. Lowered from 0.64 for that reason, as ADR 0031 and 0037 did.
    private const double PrecisionFloor = 0.61;
    private const double RecallFloor = 0.95;

    [Fact]
    public void Extractor_finds_the_curated_commitments_in_both_seed_records()
    {
        var parties = SeedFiles.Parties();
        var report = new StringBuilder();
        int candidates = 0, correct = 0, commitments = 0, found = 0;
        report.AppendLine("# Extraction quality on the seed records").AppendLine();

        foreach (var meeting in SeedFiles.Meetings())
        {
            var extracted = Extractor.Extract(new ExtractionRequest { Text = meeting.Text, MeetingDate = meeting.Date, Parties = parties, Speaker = "BY", OtherSides = [meeting.Counterpart] }, TestContext.Current.CancellationToken).Candidates;
            var spans = meeting.Commitments.SelectMany(c => c.Spans).ToList();
            var wrong = extracted.Where(c => !spans.Any(s => Matches(c, s))).ToList();
            var missed = meeting.Commitments.Where(m => !m.Spans.Any(s => extracted.Any(c => Covers(c, s)))).ToList();

            candidates += extracted.Count;
            correct += extracted.Count - wrong.Count;
            commitments += meeting.Commitments.Count;
            found += meeting.Commitments.Count - missed.Count;

            report.AppendLine(CultureInfo.InvariantCulture, $"## {meeting.Code}").AppendLine()
                .AppendLine(CultureInfo.InvariantCulture, $"{extracted.Count} candidates, {extracted.Count - wrong.Count} correct; {meeting.Commitments.Count - missed.Count} of {meeting.Commitments.Count} commitments found.")
                .AppendLine();
            foreach (var c in extracted)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"- {(wrong.Contains(c) ? "✗" : "✓")} [{c.Start}..{c.End}] `{c.Cue}` {c.Kind}/{c.Modality} {c.Confidence:0.00} due={c.DuePhrase ?? "-"} lead={string.Join(',', c.Lead)} counterpart={string.Join(',', c.Counterparts)} — {c.SuggestedTitle}");
            }

            foreach (var m in missed)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"- missed {m.Code}: {string.Join(" | ", m.Spans.Select(s => meeting.Text[s.Start..s.End]))}");
            }

            report.AppendLine();
        }

        var precision = candidates == 0 ? 0 : (double)correct / candidates;
        var recall = (double)found / commitments;
        var summary = string.Create(CultureInfo.InvariantCulture, $"precision {precision:0.000} ({correct}/{candidates}), recall {recall:0.000} ({found}/{commitments})");
        report.Insert(0, $"{summary}\n\n");

        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        var output = Path.Combine(SeedFiles.RepositoryRoot, "TestResults");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "extraction-quality-seeds.md"), report.ToString());

        precision.ShouldBeGreaterThanOrEqualTo(PrecisionFloor, summary);
        recall.ShouldBeGreaterThanOrEqualTo(RecallFloor, summary);
    }

    private static int Overlap(CandidateSpan c, (int Start, int End) s) => Math.Max(0, Math.Min(c.End, s.End) - Math.Max(c.Start, s.Start));

    // A proposal citing the passage twice covers a labelled span with either of its passages.
    private static bool Covers(Candidate c, (int Start, int End) s) => c.Spans.Any(p => Overlap(p, s) * 2 >= s.End - s.Start);

    private static bool Matches(Candidate c, (int Start, int End) s) => Covers(c, s) || c.Spans.Any(p => Overlap(p, s) * 2 >= p.End - p.Start);
}
