using System.Text.Json;
using System.Text.RegularExpressions;
using CommitmentTracker.Extraction;

namespace CommitmentTracker.Extraction.Tests;

/// <summary>The curated seeds at the repository root (found by walking up to CommitmentTracker.sln).</summary>
internal static partial class SeedFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SeedsFolder => Path.Combine(RepositoryRoot, "seeds");

    public static string ReadText(string file) => File.ReadAllText(Path.Combine(SeedsFolder, file));

    /// <summary>
    /// Parties from seeds/parties.json with names derived generically from "name": the name itself, the part
    /// before " (", a one- or two-word capitalised parenthesis ("Krasnodar Territory (Kuban)" → "Kuban"), and the
    /// name without a leading "Republic of " / "the ".
    /// </summary>
    public static IReadOnlyList<KnownParty> Parties()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedsFolder, "parties.json")));
        return [.. document.RootElement.EnumerateArray().Select(p => new KnownParty(p.GetProperty("key").GetString()!, KnownParty.SpellingsOf(p.GetProperty("name").GetString()!), p.GetProperty("parent").GetString(), p.GetProperty("kind").GetString() == "Government"))];
    }

    public static IReadOnlyList<LabelledMeeting> Meetings()
    {
        var meetings = new List<LabelledMeeting>();
        foreach (var file in Directory.GetFiles(Path.Combine(SeedsFolder, "meetings"), "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var commitments = root.GetProperty("commitments").EnumerateArray()
                .Select(c => new LabelledCommitment(
                    c.GetProperty("code").GetString()!,
                    [.. c.GetProperty("spans").EnumerateArray().Select(s => (s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32()))]))
                .ToList();
            meetings.Add(new LabelledMeeting(
                root.GetProperty("code").GetString()!,
                DateOnly.Parse(root.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                ReadText(root.GetProperty("document").GetProperty("file").GetString()!),
                commitments,
                root.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("party").GetString()!).First(p => p != "BY")));
        }

        return meetings;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommitmentTracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CommitmentTracker.sln not found above " + AppContext.BaseDirectory);
    }


}

internal sealed record LabelledCommitment(string Code, IReadOnlyList<(int Start, int End)> Spans);

internal sealed record LabelledMeeting(string Code, DateOnly Date, string Text, IReadOnlyList<LabelledCommitment> Commitments, string Counterpart);
