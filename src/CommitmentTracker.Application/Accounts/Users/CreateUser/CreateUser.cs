using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.Accounts.Users.CreateUser;

/// <summary>
/// Adds a person with one role and an initial password. Password strength and allowed name characters are
/// Identity's rules; its refusals come back as errors on the password or user name.
/// </summary>
[Requires(Access.Administer)]
public sealed record CreateUserCommand(string UserName, string Role, string Password) : ICommand<UserDto>
{
    // Records print their members; a password must never reach a log line.
    public override string ToString() => $"{nameof(CreateUserCommand)} {{ UserName = {UserName}, Role = {Role} }}";
}

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(UserRules.MaxUserNameLength);
        RuleFor(x => x.Role).IsRole();
        RuleFor(x => x.Password).NotEmpty();
    }
}

public sealed class CreateUserHandler(IUserDirectory users, IApplicationDbContext db) : ICommandHandler<CreateUserCommand, UserDto>
{
    // Creating the user and giving the role are two saves; one transaction, so nobody exists without a role.
    public async ValueTask<UserDto> Handle(CreateUserCommand command, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(() => users.CreateAsync(command.UserName.Trim(), command.Role, command.Password, cancellationToken), cancellationToken);
}
