using CommitmentTracker.Application.Common.Security;
using Mediator;

namespace CommitmentTracker.Application.Accounts.Users.ListUsers;

/// <summary>The people who may sign in, by name, with their role and whether they are locked out.</summary>
[Requires(Access.Administer)]
public sealed record ListUsersQuery : IQuery<IReadOnlyList<UserDto>>;

public sealed class ListUsersHandler(IUserDirectory users) : IQueryHandler<ListUsersQuery, IReadOnlyList<UserDto>>
{
    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsersQuery query, CancellationToken cancellationToken) =>
        await users.ListAsync(cancellationToken);
}
