using AutoMapper;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Parties;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Parties.Commands.CreateParty;

/// <summary>Registers a party (a region, a ministry, a company…) so commitments and the extractor can name it.</summary>
[Requires(Access.Write)]
public sealed record CreatePartyCommand : PartyDraft, ICommand<PartyDto>
{
    /// <summary>Stable short code: ISO 3166 for states and regions (BY, RU-NVS), else readable (BY-GOV, BELAZ).</summary>
    public string Key { get; init; } = string.Empty;
}

public sealed class CreatePartyValidator : AbstractValidator<CreatePartyCommand>
{
    public CreatePartyValidator()
    {
        Include(new PartyDraftValidator());
        RuleFor(x => x.Key).NotEmpty().MaximumLength(Party.MaxKeyLength)
            .Matches("^[A-Za-z0-9][A-Za-z0-9-]*$").WithMessage("'Key' may contain only letters, digits and hyphens, e.g. RU-NVS or BY-GOV.");
    }
}

public sealed class CreatePartyHandler(IApplicationDbContext db, IMapper mapper) : ICommandHandler<CreatePartyCommand, PartyDto>
{
    public async ValueTask<PartyDto> Handle(CreatePartyCommand command, CancellationToken cancellationToken)
    {
        var key = command.Key.Trim().ToUpperInvariant();
        if (await db.Parties.AnyAsync(p => p.Key == key, cancellationToken))
        {
            throw new DuplicateException($"A party with the key '{key}' already exists.");
        }

        var parent = await db.ParentAsync(command.Parent, cancellationToken);
        var party = new Party(key, command.Name, command.Kind, parent, command.Aliases);
        db.Parties.Add(party);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<PartyDto>(party);
    }
}
