using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommitmentTracker.Extraction.Tests.Corpus;

/// <summary>The published records of <c>tests/corpus/</c> with their gold lists (see tests/corpus/README.md).</summary>
internal static class ExtractionCorpus
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Folder => Path.Combine(SeedFiles.RepositoryRoot, "tests", "corpus");

    public static IReadOnlyList<CorpusRecord> Records { get; } = Load();

    public static IReadOnlyList<CorpusParty> Parties { get; } =
        JsonSerializer.Deserialize<List<CorpusParty>>(File.ReadAllText(Path.Combine(Folder, "parties.json")), Json)!;

    private static List<CorpusRecord> Load()
    {
        var records = new List<CorpusRecord>();
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "records"), "*.json").Order(StringComparer.Ordinal))
        {
            var record = JsonSerializer.Deserialize<CorpusRecord>(File.ReadAllText(file), Json)!;
            record.Text = File.ReadAllText(Path.ChangeExtension(file, ".txt"));
            records.Add(record);
        }

        return records;
    }
}

internal sealed class CorpusParty
{
    public string Key { get; init; } = string.Empty;

    public string Kind { get; init; } = string.Empty;

    public string? Parent { get; init; }

    public Dictionary<string, List<string>> Names { get; init; } = [];
}

internal sealed class CorpusRecord
{
    public string Id { get; init; } = string.Empty;

    public string Language { get; init; } = string.Empty;

    public string Url { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public DateOnly MeetingDate { get; init; }

    /// <summary>Date and counterpart: one meeting's records (both languages) share it, and the split and the folds go by it.</summary>
    public string MeetingKey { get; init; } = string.Empty;

    public string Speaker { get; init; } = string.Empty;

    public List<CorpusParticipant> Participants { get; init; } = [];

    public string Split { get; init; } = string.Empty;

    public List<GoldCommitment> Commitments { get; init; } = [];

    [JsonIgnore]
    public string Text { get; set; } = string.Empty;

    public bool IsValidation => Split == "validation";

    public override string ToString() => Id;
}

internal sealed record CorpusParticipant(string Party, string Role);

internal sealed class GoldCommitment
{
    public List<string> Spans { get; init; } = [];

    public Domain.Commitments.CommitmentKind Kind { get; init; }

    public Domain.Commitments.Modality Modality { get; init; }

    public GoldDue? Due { get; init; }

    public List<GoldAmount> Amounts { get; init; } = [];

    public List<string> Lead { get; init; } = [];

    public List<string> Counterpart { get; init; } = [];

    public string Why { get; init; } = string.Empty;
}

internal sealed record GoldDue(string Phrase, DateOnly Earliest, DateOnly? Latest);

internal sealed record GoldAmount(decimal Value, string Currency)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value:0.##} {Currency}");
}
