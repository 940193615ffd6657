using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.Users.ChangeUserRole;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.Accounts.Users.ListUsers;
using CommitmentTracker.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Api.Endpoints;

/// <summary>The body of a role change: the one role the person has from now on.</summary>
public sealed record RoleChange(string Role);

public static class UserEndpoints
{
    public static void MapUsers(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Administration");
        users.MapGet("/", ListUsers).WithName(nameof(ListUsers))
            .WithSummary("List the people who may sign in, with role and lock-out (administrators)")
            .WithDescription("Administrators only. Passwords are never returned.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapPost("/", CreateUser).WithName(nameof(CreateUser))
            .WithSummary("Add a person with one role and an initial password (administrators)")
            .WithDescription("role: Administrator, Manager, Analyst or Viewer. The password needs at least 12 characters; a taken user name is refused on userName.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapPut("/{userName}/role", ChangeUserRole).WithName(nameof(ChangeUserRole))
            .WithSummary("Give a person a different role (administrators)")
            .WithDescription("The last administrator cannot be given another role (400 on role).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    public static async Task<Ok<IReadOnlyList<UserDto>>> ListUsers(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListUsersQuery(), ct));

    public static async Task<Created<UserDto>> CreateUser(CreateUserCommand command, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"{AppPaths.Api}/users/{Uri.EscapeDataString(created.UserName)}", created);
    }

    public static async Task<Ok<UserDto>> ChangeUserRole(string userName, RoleChange change, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ChangeUserRoleCommand(userName, change.Role), ct));
}
