using System.Globalization;
using System.Text;
using CommitmentTracker.Extraction.Parties;
using CommitmentTracker.Extraction.Rules;
using CommitmentTracker.Extraction.Text;

namespace CommitmentTracker.Extraction.Tests.Corpus;

/// <summary>
/// Why each missed dev commitment was missed (ADR 0069), per language: a rule read its sentence and the proposal was
/// lost later (merged or matched elsewhere: CUE), a rule's words were there but its subject or engagement test refused
/// them (REJECTED), or no rule's words were there at all (NOPATTERN). Dev records only: validation is never read
/// this way. <c>EXTRACTION_MISSES=ru dotnet test tests/CommitmentTracker.Extraction.Tests --filter DevMissReasons</c>
/// writes TestResults/extraction-dev-misses-ru.md.
/// </summary>
public class DevMissReasons
{
    [OnDemandFact("EXTRACTION_MISSES")]
    public void Writes_why_each_missed_dev_commitment_was_missed()
    {
        var language = Environment.GetEnvironmentVariable("EXTRACTION_MISSES")!;
        var rules = LanguageRules.For(language);
        var matcher = new PartyMatcher(ExtractionCorpusTests.Parties);
        var report = new StringBuilder();
        foreach (var record in ExtractionCorpus.Records.Where(r => !r.IsValidation && r.Language == language))
        {
            var score = ExtractionCorpusTests.Score(record, ExtractionCorpusTests.Run(record));
            var sentences = SentenceSegmenter.Split(record.Text, rules);
            foreach (var span in score.Missed.SelectMany(m => m.Spans.Select(s => (Gold: m, Span: s))))
            {
                var at = record.Text.IndexOf(span.Span, StringComparison.Ordinal);
                var index = sentences.ToList().FindIndex(s => s.Start <= at && at < s.End);
                if (index < 0)
                {
                    continue;
                }

                var sentence = sentences[index];
                var cues = CueFinder.Find(sentence, rules, matcher, [.. sentences.Take(index)]).Select(c => c.Rule.Id).ToList();
                var words = rules.Cues.Where(c => c.Pattern.IsMatch(sentence.Text)).Select(c => c.Id).ToList();
                var reason = cues.Count > 0 ? $"CUE {string.Join(',', cues)}" : words.Count > 0 ? $"REJECTED {string.Join(',', words)}" : "NOPATTERN";
                report.AppendLine(CultureInfo.InvariantCulture, $"- {reason} | {record.Id} | {span.Gold.Kind}/{span.Gold.Modality} | {sentence.Text}");
            }
        }

        var output = Path.Combine(SeedFiles.RepositoryRoot, "TestResults");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, $"extraction-dev-misses-{language}.md"), report.ToString());
        report.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(line => line.StartsWith("- CUE ") || line.StartsWith("- REJECTED ") || line.StartsWith("- NOPATTERN "));
    }
}
