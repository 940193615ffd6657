using CommitmentTracker.Application.Common.Security;
using Mediator;

namespace CommitmentTracker.Application.Accounts.Users.ListPeople;

/// <summary>
/// The user names of the people who may own a commitment, for the owner pickers. Anyone who reads commitments sees
/// their owners' names anyway; roles and lockouts stay with the administrators' <c>ListUsers</c>.
/// </summary>
[Requires(Access.Read)]
public sealed record ListPeopleQuery : IQuery<IReadOnlyList<string>>;

public sealed class ListPeopleHandler(IUserDirectory users) : IQueryHandler<ListPeopleQuery, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(ListPeopleQuery query, CancellationToken cancellationToken) =>
        [.. (await users.ListAsync(cancellationToken)).Select(u => u.UserName).Order(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>No input to check; declared so that every query has its validator, as the pipeline expects.</summary>
public sealed class ListPeopleValidator : FluentValidation.AbstractValidator<ListPeopleQuery>;
