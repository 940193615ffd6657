using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Common;

public sealed record ResponsibilityInput(string Party, ResponsibilityRole Role);

/// <summary>
/// A source span to cite: character offsets, or just the quote (found in the text, which must contain it exactly
/// once), or both (then they must agree). The document may be omitted when the meeting has exactly one.
/// </summary>
public sealed record SpanInput(Guid? DocumentId, int? Start, int? End, string? Quote);

public sealed record ObservationInput(DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value, string? Source);

public sealed record TargetInput(
    string Metric,
    string Unit,
    TargetDirection Direction,
    decimal? BaselineValue,
    DateOnly? BaselineDate,
    string? BaselineNote,
    decimal? GoalValue,
    IReadOnlyList<ObservationInput>? Observations)
{
    public static TargetInput From(TargetDto target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new(target.Metric, target.Unit, target.Direction, target.BaselineValue, target.BaselineDate, target.BaselineNote, target.GoalValue,
            [.. target.Observations.Select(o => new ObservationInput(o.PeriodStart, o.PeriodEnd, o.Value, o.Source))]);
    }
}

/// <summary>What an analyst states about a commitment: the body of both create and update.</summary>
public record CommitmentDraft
{
    public string Title { get; init; } = string.Empty;

    public string? Summary { get; init; }

    public CommitmentKind Kind { get; init; }

    public Modality Modality { get; init; }

    /// <summary>Key of the party whose representative made the statement, e.g. BY.</summary>
    public string Issuer { get; init; } = string.Empty;

    /// <summary>The time phrase as spoken ("autumn 2024"), resolved against the meeting date; null when none was stated.</summary>
    public string? Due { get; init; }

    public IReadOnlyList<ResponsibilityInput>? Responsibilities { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>The words the commitment came from: at least one span.</summary>
    public IReadOnlyList<SpanInput>? Spans { get; init; }

    public TargetInput? Target { get; init; }

    /// <summary>User name of the person who follows the commitment up; null or empty: nobody.</summary>
    public string? Owner { get; init; }

    /// <summary>
    /// The commitment as it stands, as a draft: a page that changes one part (the target, an observation) sends the
    /// rest back unchanged, through the same update the API's PUT sends.
    /// </summary>
    public static CommitmentDraft From(CommitmentDetailDto commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return new CommitmentDraft
        {
            Title = commitment.Title,
            Summary = commitment.Summary,
            Kind = commitment.Kind,
            Modality = commitment.Modality,
            Issuer = commitment.IssuerKey,
            Due = commitment.Due?.Phrase,
            Responsibilities = [.. commitment.Responsibilities.Select(r => new ResponsibilityInput(r.PartyKey, r.Role))],
            Tags = commitment.Tags,
            Spans = [.. commitment.Spans.Select(s => new SpanInput(s.DocumentId, s.Start, s.End, s.Quote))],
            Target = commitment.Target is { } t ? TargetInput.From(t) : null,
            Owner = commitment.Owner,
        };
    }
}

/// <summary>Shape rules for <see cref="CommitmentDraft"/>; rules that need the database run in <see cref="CommitmentInputResolver"/>.</summary>
public sealed class CommitmentDraftValidator : AbstractValidator<CommitmentDraft>
{
    public CommitmentDraftValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Commitment.MaxTitleLength);
        RuleFor(x => x.Summary).MaximumLength(Commitment.MaxSummaryLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Modality).IsInEnum();
        RuleFor(x => x.Issuer).NotEmpty().WithMessage("Choose the issuer: the party whose representative made the statement (its key, e.g. BY).");
        RuleFor(x => x.Due).MaximumLength(DueWindow.MaxPhraseLength);

        // Words that are no due phrase at all are said with the other fields' errors; a phrase that has passed by the
        // meeting's day is refused later, when the meeting is known (CommitmentInputResolver).
        RuleFor(x => x.Due!).Custom((due, context) =>
        {
            if (!DueWindowParser.CanRead(due, out var error))
            {
                context.AddFailure(error);
            }
        }).When(x => !string.IsNullOrWhiteSpace(x.Due) && x.Due.Length <= DueWindow.MaxPhraseLength);
        RuleFor(x => x.Owner).MaximumLength(Commitment.MaxOwnerLength);
        RuleFor(x => x.Tags).Must(t => t is null || t.Count <= Commitment.MaxTags).WithMessage($"At most {Commitment.MaxTags} tags.");
        RuleForEach(x => x.Tags).NotEmpty().MaximumLength(Commitment.MaxTagLength);
        RuleFor(x => x.Responsibilities)
            .Must(r => r is null || r.Where(x => x?.Party is not null).GroupBy(x => x.Party.Trim().ToUpperInvariant()).All(g => g.Count() == 1))
            .WithMessage("A party can hold only one role in a commitment.");

        // A null entry in a JSON list would otherwise skip its child rules and reach the handler.
        RuleForEach(x => x.Responsibilities).NotNull().ChildRules(r =>
        {
            r.RuleFor(x => x.Party).NotEmpty();
            r.RuleFor(x => x.Role).IsInEnum();
        });
        RuleFor(x => x.Spans).NotEmpty().WithMessage("A commitment must cite at least one source span: the words it came from.");
        RuleForEach(x => x.Spans).NotNull().ChildRules(s =>
        {
            s.RuleFor(x => x.Quote).NotEmpty().When(x => x.Start is null || x.End is null)
                .WithMessage("Give the quote, or its start and end offsets in the document.");
            s.RuleFor(x => x.Start).GreaterThanOrEqualTo(0);
            s.RuleFor(x => x.End).GreaterThan(x => x.Start).When(x => x.Start is not null && x.End is not null).WithMessage("'End' must be greater than 'Start'.");
        });
        RuleFor(x => x.Target!).ChildRules(t =>
        {
            t.RuleFor(x => x.Metric).NotEmpty().MaximumLength(Domain.Commitments.Target.MaxMetricLength);
            t.RuleFor(x => x.Unit).NotEmpty().MaximumLength(Domain.Commitments.Target.MaxUnitLength);
            t.RuleFor(x => x.Direction).IsInEnum();
            t.RuleFor(x => x.BaselineDate).NotNull().When(x => x.BaselineValue is not null).WithMessage("A baseline value needs the date it refers to.");
            t.RuleFor(x => x.BaselineValue).NotNull().When(x => x.BaselineDate is not null).WithMessage("A baseline date needs a value.");
            t.RuleForEach(x => x.Observations).NotNull().ChildRules(o =>
                o.RuleFor(x => x.PeriodEnd).GreaterThanOrEqualTo(x => x.PeriodStart).WithMessage("'Period End' cannot be before 'Period Start'."));
        }).When(x => x.Target is not null);
    }
}

/// <summary>Turns a <see cref="CommitmentDraft"/> into domain terms: party keys to parties, the due phrase to a window.</summary>
public static class CommitmentInputResolver
{
    /// <summary>
    /// The owner's user name as the account spells it, or null for nobody; refuses a name no account has, so a typo
    /// never hides a commitment from its owner's "My commitments".
    /// </summary>
    public static async Task<string?> ResolveOwnerAsync(this IUserDirectory users, string? owner, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (string.IsNullOrWhiteSpace(owner))
        {
            return null;
        }

        var account = await users.FindAsync(owner.Trim(), ct)
            ?? throw Invalid.Field(field, $"No user account is called '{owner.Trim()}'. The owner must be a person who can sign in (see Users).");
        return account.UserName;
    }

    public static async Task<CommitmentTerms> ResolveTermsAsync(this IApplicationDbContext db, CommitmentDraft input, Meeting meeting, IUserDirectory users, CancellationToken ct)
    {
        var responsibilities = input.Responsibilities ?? [];
        var references = responsibilities.Select((r, i) => ($"responsibilities[{i}].party", r.Party)).Prepend(("issuer", input.Issuer));
        var parties = await db.PartiesAsync(references, ct);

        DueWindow? due = null;
        if (!string.IsNullOrWhiteSpace(input.Due) && !DueWindowParser.TryParse(input.Due, meeting.Date, out due, out var error))
        {
            throw Invalid.Field("due", error);
        }

        return new CommitmentTerms(
            input.Title,
            input.Summary,
            input.Kind,
            input.Modality,
            parties[input.Issuer.Trim().ToUpperInvariant()].Id,
            due,
            [.. responsibilities.Select(r => (parties[r.Party.Trim().ToUpperInvariant()].Id, r.Role))],
            input.Tags ?? [],
            input.Target.ToTarget(),
            await users.ResolveOwnerAsync(input.Owner, "owner", ct));
    }

    /// <summary>Replaces the commitment's spans with the input's, each proven against its document's text.</summary>
    public static async Task CiteAsync(this IApplicationDbContext db, Commitment commitment, CommitmentDraft input, CancellationToken ct)
    {
        var documents = await db.Documents.Where(d => d.MeetingId == commitment.MeetingId).ToListAsync(ct);
        commitment.ClearSpans();
        foreach (var (span, i) in (input.Spans ?? []).Select((s, i) => (s, i)))
        {
            var document = span.DocumentId is { } id
                ? documents.FirstOrDefault(d => d.Id == id) ?? throw Invalid.Field($"spans[{i}].documentId", $"Document {id} is not a document of this commitment's meeting.")
                : documents.Count == 1 ? documents[0] : throw Invalid.Field($"spans[{i}].documentId", $"The meeting has {documents.Count} documents; say which one the span points into.");
            try
            {
                var (start, end) = span is { Start: { } s, End: { } e } ? (s, e) : Locate(document, span.Quote!);
                commitment.Cite(document, start, end, span.Quote);
            }
            catch (Domain.DomainRuleException ex)
            {
                throw Invalid.Field($"spans[{i}]", ex.Message);
            }
        }
    }

    // A quote without offsets must name one place in the text; a quote that occurs twice is ambiguous.
    private static (int Start, int End) Locate(SourceDocument document, string quote)
    {
        var first = document.Text.IndexOf(quote, StringComparison.Ordinal);
        if (first < 0)
        {
            throw new Domain.DomainRuleException("Spans", $"The quote was not found in '{document.Title}'. Copy the words exactly as they stand in the text.");
        }

        if (document.Text.IndexOf(quote, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new Domain.DomainRuleException("Spans", "The quote occurs more than once in the text; quote more of the sentence, or give its start and end offsets.");
        }

        return (first, first + quote.Length);
    }

    public static Target? ToTarget(this TargetInput? input)
    {
        if (input is null)
        {
            return null;
        }

        var target = new Target(input.Metric, input.Unit, input.Direction, input.BaselineValue, input.BaselineDate, input.BaselineNote, input.GoalValue);
        foreach (var o in input.Observations ?? [])
        {
            target.Observe(o.PeriodStart, o.PeriodEnd, o.Value, o.Source);
        }

        return target;
    }
}
