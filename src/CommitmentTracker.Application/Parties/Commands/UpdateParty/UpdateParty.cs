using AutoMapper;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Parties.Commands.UpdateParty;

/// <summary>Renames a party, re-files it under another parent or changes its aliases; ExpectedVersion comes from If-Match.</summary>
[Requires(Access.Write)]
public sealed record UpdatePartyCommand(string Key, long? ExpectedVersion, PartyDraft Changes) : ICommand<PartyDto>;

public sealed class UpdatePartyValidator : AbstractValidator<UpdatePartyCommand>
{
    public UpdatePartyValidator() => RuleFor(x => x.Changes).NotNull().SetValidator(new PartyDraftValidator());
}

public sealed class UpdatePartyHandler(IApplicationDbContext db, IMapper mapper) : ICommandHandler<UpdatePartyCommand, PartyDto>
{
    public async ValueTask<PartyDto> Handle(UpdatePartyCommand command, CancellationToken cancellationToken)
    {
        var key = command.Key.Trim().ToUpperInvariant();
        var party = await db.Parties.Include(p => p.Parent).FirstOrDefaultAsync(p => p.Key == key, cancellationToken)
            ?? throw new NotFoundException("Party", command.Key);
        Concurrency.EnsureVersion("Party", command.ExpectedVersion, party.Version);

        var changes = command.Changes;
        party.Describe(changes.Name, changes.Kind, await db.ParentAsync(changes.Parent, cancellationToken), changes.Aliases ?? []);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<PartyDto>(party);
    }
}
