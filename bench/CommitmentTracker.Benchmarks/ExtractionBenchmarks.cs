using System.Text;
using BenchmarkDotNet.Attributes;
using CommitmentTracker.Extraction;

namespace CommitmentTracker.Benchmarks;

/// <summary>
/// <see cref="Extractor.Extract"/> over the 10 KB Novosibirsk seed record and over ~1 MB made of both
/// seed records repeated (paragraphs separated by blank lines).
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
        new("RU-NVS", ["Novosibirsk Oblast"]),
        new("RU-KDA", ["Krasnodar Territory", "Kuban"]),
    ];

    private string record = string.Empty;
    private string megabyte = string.Empty;

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
    }

    [Benchmark(Baseline = true, Description = "Novosibirsk record (10 KB)")]
    public int Record() => Extract(record);

    [Benchmark(Description = "Concatenated records (~1 MB)")]
    public int Megabyte() => Extract(megabyte);

    private static int Extract(string text) =>
        Extractor.Extract(new ExtractionRequest { Text = text, MeetingDate = MeetingDate, Parties = Parties, Language = "en", Speaker = "BY", OtherSides = ["RU-NVS"] }).Candidates.Count;

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
