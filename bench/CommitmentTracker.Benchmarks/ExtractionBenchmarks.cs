using System.Text;
using BenchmarkDotNet.Attributes;
using CommitmentTracker.Extraction;

namespace CommitmentTracker.Benchmarks;

/// <summary>
/// <see cref="Extractor.Extract"/> over the 10 KB Novosibirsk seed record and over ~1 MB made of both
/// seed records repeated (paragraphs separated by blank lines), over ~100 KB of the first with no sentence end, and
/// over Russian development records.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ExtractionBenchmarks
{
    private static readonly DateOnly MeetingDate = new(2023, 10, 10);

    private static readonly KnownParty[] Parties =
    [
        new("BY", ["Republic of Belarus", "Belarus"]),
        new("BY-GOV", ["Government of the Republic of Belarus"], "BY", true),
        new("BELKOMMUNMASH", ["Belkommunmash"]),
        new("BY-BUILDERS", ["Belarusian builders"]),
        new("RU", ["Russian Federation"]),
        new("RU-NVS", ["Novosibirsk Oblast", "Новосибирская область"], "RU"),
        new("RU-KDA", ["Krasnodar Territory", "Kuban"]),
    ];

    private string record = string.Empty;
    private string megabyte = string.Empty;
    private string russian = string.Empty;
    private string russianMegabyte = string.Empty;
    private string runOn = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var seeds = FindSeeds();
        record = File.ReadAllText(Path.Combine(seeds, "2023-10-10-novosibirsk-oblast.txt"));
        var other = File.ReadAllText(Path.Combine(seeds, "2023-09-19-krasnodar-territory.txt"));
        var builder = new StringBuilder(1_050_000);
        while (builder.Length < 1_000_000)
        {
            builder.Append(record).Append("\n\n").Append(other).Append("\n\n");
        }

        megabyte = builder.ToString();

        // The same words with no sentence end at all (every . ! ? and line break a comma): a pasted table or a
        // transcript without full stops, which the segmenter cuts by length (SentenceSegmenter.MaxLength).
        var flat = new string(record.Select(c => c is '.' or '!' or '?' or '\n' or '\r' ? ',' : c).ToArray());
        var run = new StringBuilder(110_000);
        while (run.Length < 100_000)
        {
            run.Append(flat).Append(", ");
        }

        runOn = run.ToString();

        // Russian: the corpus's development records (never the validation ones), joined to about 10 KB and 1 MB.
        var corpus = Path.Combine(Path.GetDirectoryName(seeds)!, "tests", "corpus", "records");
        var texts = Directory.GetFiles(corpus, "ru-*.json").Order(StringComparer.Ordinal)
            .Where(f => File.ReadAllText(f).Contains("\"split\": \"dev\"", StringComparison.Ordinal))
            .Select(f => File.ReadAllText(Path.ChangeExtension(f, ".txt"))).ToList();
        var ru = new StringBuilder();
        foreach (var text in texts.TakeWhile(_ => ru.Length < 10_000))
        {
            ru.Append(text).Append("\n\n");
        }

        russian = ru.ToString();
        var ruMegabyte = new StringBuilder(1_050_000);
        while (ruMegabyte.Length < 1_000_000)
        {
            ruMegabyte.Append(russian);
        }

        russianMegabyte = ruMegabyte.ToString();
    }

    [Benchmark(Baseline = true, Description = "Novosibirsk record (10 KB)")]
    public int Record() => Extract(record);

    [Benchmark(Description = "Concatenated records (~1 MB)")]
    public int Megabyte() => Extract(megabyte);

    [Benchmark(Description = "Without sentence ends (~100 KB)")]
    public int RunOn() => Extract(runOn);

    [Benchmark(Description = "Russian records (~10 KB)")]
    public int Russian() => Extract(russian, "ru");

    [Benchmark(Description = "Russian records repeated (~1 MB)")]
    public int RussianMegabyte() => Extract(russianMegabyte, "ru");

    private static int Extract(string text, string language = "en") =>
        Extractor.Extract(new ExtractionRequest { Text = text, MeetingDate = MeetingDate, Parties = Parties, Language = language, Speaker = "BY", OtherSides = ["RU-NVS"] }).Candidates.Count;

    private static string FindSeeds()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CommitmentTracker.sln")))
                {
                    return Path.Combine(dir.FullName, "seeds");
                }
            }
        }

        throw new InvalidOperationException("CommitmentTracker.sln not found: run from inside the repository.");
    }
}
