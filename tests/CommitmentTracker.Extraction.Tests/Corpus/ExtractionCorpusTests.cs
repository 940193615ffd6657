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

    internal static ExtractionResult Run(CorpusRecord r) => Extractor.Extract(new ExtractionRequest
    {
        Text = r.Text,
        MeetingDate = r.MeetingDate,
        Parties = Parties,
        Speaker = r.Speaker,
        OtherSides = [.. r.Participants.Select(p => p.Party).Where(p => p != r.Speaker)],
    });

    internal static IReadOnlyList<RecordScore> ScoreAll() =>
        [.. ExtractionCorpus.Records.Select(r => CorpusScorer.Score(r, [.. Run(r).Candidates.Select(c => Scored(c, r))]))];

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
        var summary = QualityReport.Summary(scores, "Extraction quality on published records", Command);
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
}
