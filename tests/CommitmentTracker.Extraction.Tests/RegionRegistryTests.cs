using System.Text.Json;
using CommitmentTracker.Extraction.Parties;

namespace CommitmentTracker.Extraction.Tests;

/// <summary>
/// The regions a fresh database registers (seeds/regions.json, decision 0110) beside the seed parties: every name of
/// every party finds that party and no other, and a Russian region is found in the cases a record uses
/// («губернатор Тюменской области», «в Алтайском крае»).
/// </summary>
public sealed class RegionRegistryTests
{
    private static readonly IReadOnlyList<KnownParty> Registry = Read("parties.json").Concat(Read("regions.json")).ToList();

    private static readonly PartyMatcher Matcher = new(Registry);

    [Fact]
    public void Every_name_finds_its_own_party_and_no_other()
    {
        var wrong = Registry.SelectMany(p => p.Names.Select(name => (p.Key, Name: name, Found: Matcher.Find(name))))
            .Where(x => !x.Found.SequenceEqual([x.Key]))
            .Select(x => $"«{x.Name}» of {x.Key} found [{string.Join(", ", x.Found)}]");
        wrong.ShouldBeEmpty();
    }

    // A capital standing for its state, a company named after a city, a word a short name's stem would take (decision 0110).
    [Theory]
    [InlineData("Moscow and Minsk agreed to meet again.")]
    [InlineData("Москва и Минск договорились о встрече.")]
    [InlineData("Minsk Tractor Works will supply the region.")]
    [InlineData("Со слов пресс-службы рассказываем, кому что обещали купить.")]
    [InlineData("The Yamal LNG project and the Altai mountains.")]
    public void Words_that_are_not_a_party_find_none(string sentence) =>
        Matcher.Find(sentence).ShouldBeEmpty(sentence);

    [Fact]
    public void The_regions_are_the_whole_of_ISO_3166_2_for_Russia_and_Belarus_with_no_key_twice()
    {
        Registry.Select(p => p.Key).ShouldBeUnique();
        Registry.Count(p => p.Key.StartsWith("RU-", StringComparison.Ordinal) && p.ParentKey == "RU").ShouldBe(83);
        Registry.Count(p => p.Key.StartsWith("BY-", StringComparison.Ordinal) && p.ParentKey == "BY" && p.Key.Length <= 5).ShouldBe(7);
    }

    [Fact]
    public void A_Russian_region_is_found_in_the_genitive_and_the_prepositional()
    {
        // Every oblast and krai is named by a nominative adjective and a noun; these are its other cases in a sentence.
        var sentences = Registry.SelectMany(p => p.Names.SelectMany(name => name switch
        {
            _ when name.EndsWith("ая область", StringComparison.Ordinal) =>
                [(p.Key, $"Встреча с губернатором {name[..^10]}ой области"), (p.Key, $"Дни культуры пройдут в {name[..^10]}ой области")],
            _ when name.EndsWith("ий край", StringComparison.Ordinal) =>
                [(p.Key, $"Встреча с губернатором {name[..^7]}ого края"), (p.Key, $"Дни культуры пройдут в {name[..^7]}ом крае")],
            _ => Array.Empty<(string Key, string Sentence)>(),
        })).ToList();

        sentences.Count.ShouldBeGreaterThan(100);
        sentences.Where(x => !Matcher.Find(x.Sentence).SequenceEqual([x.Key])).Select(x => $"{x.Key}: «{x.Sentence}» found [{string.Join(", ", Matcher.Find(x.Sentence))}]").ShouldBeEmpty();
    }

    private static IEnumerable<KnownParty> Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedFiles.SeedsFolder, file)));
        return [.. document.RootElement.EnumerateArray().Select(p => new KnownParty(
            p.GetProperty("key").GetString()!,
            [p.GetProperty("name").GetString()!, .. p.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!)],
            p.GetProperty("parent").GetString()))];
    }
}
