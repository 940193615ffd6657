using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Accounts.ApiKeys.RevokeApiKey;

/// <summary>Stops a key from working at once. The key stays listed (and audited) as revoked; revoking twice is harmless.</summary>
[Requires(Access.Administer)]
public sealed record RevokeApiKeyCommand(Guid Id) : ICommand<ApiKeyDto>;

public sealed class RevokeApiKeyValidator : AbstractValidator<RevokeApiKeyCommand>
{
    public RevokeApiKeyValidator() => RuleFor(x => x.Id).NotEmpty();
}

public sealed class RevokeApiKeyHandler(IApplicationDbContext db, ICurrentActor actor, TimeProvider clock) : ICommandHandler<RevokeApiKeyCommand, ApiKeyDto>
{
    public async ValueTask<ApiKeyDto> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("API key", command.Id.ToString());
        var now = clock.GetUtcNow();
        key.Revoke(actor.Name(), now);
        await db.SaveChangesAsync(cancellationToken);
        return ApiKeyDto.From(key, now);
    }
}
