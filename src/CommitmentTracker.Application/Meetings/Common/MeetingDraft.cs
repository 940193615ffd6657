using System.Globalization;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Meetings.Common;

/// <summary>A participant: the party (by key), optionally the person (by full name) and the position they held.</summary>
public sealed record ParticipantInput(string Party, string? Person, string? Position, ParticipantRole Role);

/// <summary>What describes a meeting: the body of both create and update.</summary>
public record MeetingDraft
{
    public string Title { get; init; } = string.Empty;

    public DateOnly Date { get; init; }

    public string Place { get; init; } = string.Empty;

    public MeetingFormat Format { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<ParticipantInput>? Participants { get; init; }
}

/// <summary>
/// The day a meeting may be dated. A meeting is recorded once it has been held, and every due phrase of its record is
/// resolved against its day, so a mistyped year ("2205", "0202") would put every deadline centuries off and nothing
/// would ever be overdue. The latest day is tomorrow in UTC: today where the day is furthest ahead (decision 0137).
/// </summary>
public static class MeetingDate
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static DateOnly Latest(TimeProvider clock) => clock.Today().AddDays(1);

    public static IRuleBuilderOptions<T, DateOnly> IsMeetingDate<T>(this IRuleBuilderInitial<T, DateOnly> rule, TimeProvider clock) => rule
        .Cascade(CascadeMode.Stop)
        .NotEqual(default(DateOnly)).WithMessage("'Date' is required (yyyy-MM-dd).")
        .GreaterThanOrEqualTo(Earliest).WithMessage((_, day) => string.Create(CultureInfo.InvariantCulture, $"'Date' {day:yyyy-MM-dd} is before {Earliest:yyyy}: check the year."))
        .Must(day => day <= Latest(clock)).WithMessage((_, day) => string.Create(CultureInfo.InvariantCulture,
            $"'Date' {day:yyyy-MM-dd} is after today ({clock.Today():yyyy-MM-dd}): a meeting is recorded once it has been held. Check the year."));
}

public sealed class MeetingDraftValidator : AbstractValidator<MeetingDraft>
{
    public MeetingDraftValidator(TimeProvider clock)
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(Meeting.MaxTitleLength);
        RuleFor(x => x.Date).IsMeetingDate(clock);
        RuleFor(x => x.Place).NotEmpty().MaximumLength(Meeting.MaxPlaceLength);
        RuleFor(x => x.Format).IsInEnum();
        RuleFor(x => x.Summary).MaximumLength(Meeting.MaxSummaryLength);
        RuleForEach(x => x.Participants).NotNull().ChildRules(p =>
        {
            p.RuleFor(x => x.Party).NotEmpty();
            p.RuleFor(x => x.Person).MaximumLength(Person.MaxNameLength);
            p.RuleFor(x => x.Position).MaximumLength(Participant.MaxPositionLength);
            p.RuleFor(x => x.Role).IsInEnum();
        });
    }
}

public static class ParticipantResolver
{
    /// <summary>Resolves party keys and finds or registers the named people, ready for <see cref="Meeting.ReplaceParticipants"/>.</summary>
    public static async Task<List<(Guid PartyId, Guid? PersonId, ParticipantRole Role, string? Position)>> ResolveParticipantsAsync(
        this IApplicationDbContext db, IReadOnlyList<ParticipantInput>? participants, CancellationToken ct)
    {
        participants ??= [];
        var parties = await db.PartiesAsync(participants.Select((p, i) => ($"participants[{i}].party", p.Party)), ct);
        var names = participants.Where(p => !string.IsNullOrWhiteSpace(p.Person)).Select(p => p.Person!.Trim()).Distinct().ToList();
        var people = await db.People.Where(p => names.Contains(p.FullName)).ToDictionaryAsync(p => p.FullName, StringComparer.Ordinal, ct);

        var resolved = new List<(Guid, Guid?, ParticipantRole, string?)>();
        foreach (var p in participants)
        {
            var party = parties[p.Party.Trim().ToUpperInvariant()];
            Person? person = null;
            if (!string.IsNullOrWhiteSpace(p.Person) && !people.TryGetValue(p.Person.Trim(), out person))
            {
                person = new Person(p.Person, p.Position, party.Id);
                db.People.Add(person);
                people[person.FullName] = person;
            }

            resolved.Add((party.Id, person?.Id, p.Role, p.Position));
        }

        return resolved;
    }
}
