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
    public bool Matches(string text) =>
        Key.Contains(text, StringComparison.OrdinalIgnoreCase) || Name.Contains(text, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => a.Contains(text, StringComparison.OrdinalIgnoreCase));
}
