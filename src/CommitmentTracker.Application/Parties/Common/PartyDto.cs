using CommitmentTracker.Domain.Parties;

namespace CommitmentTracker.Application.Parties;

/// <summary>A party as the API and the UI show it: its key, names in every language, kind and place in the hierarchy.</summary>
public sealed class PartyDto
{
    public string Key { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public PartyKind Kind { get; init; }

    public string? ParentKey { get; init; }

    /// <summary>Other names, in either language ("Novosibirsk Region", "Новосибирская область").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public long Version { get; init; }

    /// <summary>Whether a person looking for <paramref name="text"/> means this party: its key, name or any alias holds it, in any case.</summary>
    public bool Matches(string text) => MatchRank(text) is not null;

    /// <summary>
    /// How closely <paramref name="text"/> names this party, in any case, so a picker lists the party meant first:
    /// 0 when it is the key, the name or an alias; 1 when one of them starts with it; 2 when it holds it elsewhere
    /// ("Belarus" is Belarus itself before "Belkommunmash (Belarusian manufacturer…)"); null when none holds it.
    /// </summary>
    public int? MatchRank(string text)
    {
        string[] names = [Key, Name, .. Aliases];
        return names.Any(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) ? 0
            : names.Any(n => n.StartsWith(text, StringComparison.OrdinalIgnoreCase)) ? 1
            : names.Any(n => n.Contains(text, StringComparison.OrdinalIgnoreCase)) ? 2
            : null;
    }
}
