using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommitmentTracker.Infrastructure.Seeding;

/// <summary>Reads the seed folder: parties, meetings and the meeting record texts they point to.</summary>
public static class SeedLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>
    /// The parties the seed meetings name (parties.json), then the regions of Russia and Belarus (regions.json, decision
    /// 0110) that parties.json does not list, so a record about any region finds its parties in a fresh database. A seed
    /// folder of one's own may leave regions.json out.
    /// </summary>
    public static IReadOnlyList<PartySeed> Parties(string folder)
    {
        var named = Read<List<PartySeed>>(Path.Combine(folder, "parties.json"));
        var regions = Path.Combine(folder, "regions.json");
        if (!File.Exists(regions))
        {
            return named;
        }

        var keys = named.Select(p => p.Key.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return [.. named, .. Read<List<PartySeed>>(regions).Where(r => !keys.Contains(r.Key.ToUpperInvariant()))];
    }

    public static IReadOnlyList<MeetingSeed> Meetings(string folder) =>
        [.. Directory.EnumerateFiles(Path.Combine(folder, "meetings"), "*.json").Order(StringComparer.Ordinal).Select(Read<MeetingSeed>)];

    /// <summary>The record's text exactly as published: UTF-8, no newline conversion, so span offsets hold.</summary>
    public static string DocumentText(string folder, DocumentSeed document) =>
        File.ReadAllText(Path.Combine(folder, document.File), System.Text.Encoding.UTF8);

    private static T Read<T>(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Seed file '{path}' is missing. Set Database:SeedDirectory to the seeds folder or Database:Seed to false.", path);
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"Seed file '{path}' is empty.");
    }
}
