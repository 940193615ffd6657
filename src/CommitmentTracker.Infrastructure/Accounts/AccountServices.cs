using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Infrastructure.Accounts;

internal sealed class AccountSession(SignInManager<IdentityUser> signIn) : IAccountSession
{
    public async Task<SignInOutcome> SignInAsync(string userName, string password)
    {
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.SignedIn : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Invalid;
    }

    public Task SignOutAsync() => signIn.SignOutAsync();
}

internal sealed class UserDirectory(UserManager<IdentityUser> users, TimeProvider clock) : IUserDirectory
{
    public async Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var result = new List<UserDto>(all.Count);
        foreach (var user in all)
        {
            result.Add(await ToDto(user));
        }

        return result;
    }

    public async Task<UserDto?> FindAsync(string userName, CancellationToken cancellationToken) =>
        await users.FindByNameAsync(userName) is { } user ? await ToDto(user) : null;

    public async Task<UserDto> CreateAsync(string userName, string role, string password, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(userName) is not null)
        {
            throw Invalid.Field("userName", $"A user named '{userName}' already exists.");
        }

        var user = new IdentityUser(userName);
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return await ToDto(user);
    }

    public async Task<UserDto> SetRoleAsync(string userName, string role, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new NotFoundException("User", userName);
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        return await ToDto(user);
    }

    private async Task<UserDto> ToDto(IdentityUser user)
    {
        var roles = await users.GetRolesAsync(user);
        var lockedOut = user.LockoutEnd is { } end && end > clock.GetUtcNow();
        return new UserDto(user.Id, user.UserName!, Roles.All.FirstOrDefault(roles.Contains) ?? string.Empty, lockedOut, user.LockoutEnd);
    }

    // Identity's own messages are clear ("Passwords must be at least 12 characters."); they are shown on the field.
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            var field = result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "userName";
            throw Invalid.Field(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
