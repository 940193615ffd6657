using CommitmentTracker.Domain.Parties;
using FluentValidation;

namespace CommitmentTracker.Application.Parties;

/// <summary>What describes a party: the body of both create and update (the key is set once, at creation).</summary>
public record PartyDraft
{
    public string Name { get; init; } = string.Empty;

    /// <summary>
    /// What sort of body it is. Required: a body without it is refused (400 on kind) rather than silently registering
    /// a State, the enum's first value.
    /// </summary>
    [System.Text.Json.Serialization.JsonRequired]
    public PartyKind Kind { get; init; }

    /// <summary>The key of the party it belongs to (a region's state, a ministry's government); null for states and joint bodies.</summary>
    public string? Parent { get; init; }

    /// <summary>Other names in either language, nominative: the extractor handles inflection.</summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    public static PartyDraft From(PartyDto party) => new()
    {
        Name = party.Name,
        Kind = party.Kind,
        Parent = party.ParentKey,
        Aliases = party.Aliases,
    };
}

public sealed class PartyDraftValidator : AbstractValidator<PartyDraft>
{
    public PartyDraftValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(Party.MaxNameLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Parent).MaximumLength(Party.MaxKeyLength);
        RuleFor(x => x.Aliases).Must(a => a is null || a.Count <= Party.MaxAliases).WithMessage($"A party has at most {Party.MaxAliases} aliases.");
        RuleForEach(x => x.Aliases).NotEmpty().WithMessage("An alias cannot be empty.").MaximumLength(Party.MaxNameLength);
    }
}
