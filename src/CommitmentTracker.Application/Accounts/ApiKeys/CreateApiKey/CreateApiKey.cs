using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Accounts;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;

/// <summary>
/// Issues a key for another system, owned by the administrator who creates it. The key text is in the answer and
/// nowhere else: only its hash is stored, so it cannot be shown again.
/// </summary>
[Requires(Access.Administer)]
public sealed record CreateApiKeyCommand(string Name, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt = null) : ICommand<CreatedApiKeyDto>;

/// <param name="ApiKey">The key as it will be listed.</param>
/// <param name="Key">The full key text to send in the X-Api-Key header; shown this once.</param>
public sealed record CreatedApiKeyDto(ApiKeyDto ApiKey, string Key);

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator(TimeProvider clock)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(ApiKey.MaxNameLength);
        RuleFor(x => x.Scopes).NotEmpty().WithMessage($"'Scopes' must name at least one of: {string.Join(", ", ApiScopes.All)}.");
        RuleFor(x => x.Scopes).Must(scopes => scopes.All(ApiScopes.All.Contains))
            .When(x => x.Scopes is not null)
            .WithMessage(x => $"'Scopes' may contain only {string.Join(" and ", ApiScopes.All)}; not {string.Join(", ", x.Scopes.Where(s => !ApiScopes.All.Contains(s)).Select(s => $"'{s}'"))}.");
        RuleFor(x => x.ExpiresAt).Must(expiry => expiry > clock.GetUtcNow()).When(x => x.ExpiresAt is not null)
            .WithMessage("'Expires At' must be in the future.");
    }
}

public sealed class CreateApiKeyHandler(IApplicationDbContext db, ICurrentActor actor, TimeProvider clock) : ICommandHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async ValueTask<CreatedApiKeyDto> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecret.Generate();
        var now = clock.GetUtcNow();
        var key = new ApiKey(command.Name.Trim(), actor.Principal.ActorId(), actor.Name(), secret.Prefix, secret.Hash, command.Scopes, now, command.ExpiresAt);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(ApiKeyDto.From(key, now), secret.Text);
    }
}
