using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.Accounts.Users.ChangeUserRole;

/// <summary>Gives a person a different role (a person has exactly one). The last administrator keeps the role.</summary>
[Requires(Access.Administer)]
public sealed record ChangeUserRoleCommand(string UserName, string Role) : ICommand<UserDto>;

public sealed class ChangeUserRoleValidator : AbstractValidator<ChangeUserRoleCommand>
{
    public ChangeUserRoleValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(UserRules.MaxUserNameLength);
        RuleFor(x => x.Role).IsRole();
    }
}

public sealed class ChangeUserRoleHandler(IUserDirectory users, IApplicationDbContext db) : ICommandHandler<ChangeUserRoleCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(ChangeUserRoleCommand command, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(
            async () =>
            {
                var user = await users.FindAsync(command.UserName, cancellationToken) ?? throw new NotFoundException("User", command.UserName);
                if (user.Role == Roles.Administrator && command.Role != Roles.Administrator
                    && (await users.ListAsync(cancellationToken)).Count(u => u.Role == Roles.Administrator) <= 1)
                {
                    // Nobody could then manage users or keys, and only a database edit would bring an administrator back.
                    throw Invalid.Field(
                        nameof(command.Role),
                        $"'{user.UserName}' is the last administrator. Make someone else an administrator first, then change this role.");
                }

                return await users.SetRoleAsync(user.UserName, command.Role, cancellationToken);
            },
            cancellationToken);
}
