using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Infrastructure.Accounts;

internal sealed class AccountSession(SignInManager<IdentityUser> signIn, AppDbContext db, TimeProvider clock) : IAccountSession
{
    private const string NotAPerson = "NotAPerson";

    /// <summary>A hash of nothing anyone knows, verified when there is no password to check (see <see cref="SignInAsync"/>).</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser("decoy"), Guid.NewGuid().ToString()));

    /// <summary>
    /// Checks the password, then opens a server-side session. A name nobody has and a locked account still cost one
    /// password-hash verification, so the response time does not tell an attacker which names exist or are locked.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password)
    {
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(userName);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new IdentityUser(userName), DecoyHash.Value, password);
            return user is null ? SignInOutcome.Invalid : SignInOutcome.LockedOut;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Invalid;
        }

        await signIn.SignInAsync(user, await ServerSessions.OpenAsync(db, user, clock.GetUtcNow()), "pwd");
        return SignInOutcome.SignedIn;
    }

    /// <summary>Ends the session on the server (a copy of the cookie stops working at once), then clears the cookie.</summary>
    public async Task SignOutAsync()
    {
        var current = await signIn.Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await ServerSessions.CloseAsync(db, current.Properties);
        await signIn.SignOutAsync();
    }

    public async Task<PasswordChangeOutcome> ChangePasswordAsync(string currentPassword, string newPassword)
    {
        var users = signIn.UserManager;

        // An API key is not a person with a password: it finds no user here.
        if (await users.GetUserAsync(signIn.Context.User) is not { } user)
        {
            return new([DescribePasswordError(NotAPerson)!]);
        }

        // Identity checks the current password first (PasswordMismatch, and nothing else, when it is wrong), then
        // the new one against the password rules; the hash and the security stamp change only when both pass.
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return new([.. result.Errors.Select(e => DescribePasswordError(e.Code) ?? Undescribed(e))]);
        }

        // The new security stamp would invalidate this person's own cookie at the next validation: issue a fresh one.
        await signIn.RefreshSignInAsync(user);
        return PasswordChangeOutcome.Changed;
    }

    public PasswordChangeError? DescribePasswordError(string code)
    {
        var describer = signIn.UserManager.ErrorDescriber;
        var rules = signIn.UserManager.Options.Password;
        var rule = code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => describer.PasswordTooShort(rules.RequiredLength),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => describer.PasswordRequiresUniqueChars(rules.RequiredUniqueChars),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => describer.PasswordRequiresNonAlphanumeric(),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => describer.PasswordRequiresDigit(),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => describer.PasswordRequiresLower(),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => describer.PasswordRequiresUpper(),
            _ => null,
        };
        if (rule is not null)
        {
            // Identity's own words ("Passwords must be at least 12 characters."), as on the Users page.
            return new(PasswordChangeError.NewPassword, rule.Code, rule.Description);
        }

        return code switch
        {
            // Identity's "Incorrect password." does not say which of the three fields is meant.
            nameof(IdentityErrorDescriber.PasswordMismatch) => new(PasswordChangeError.CurrentPassword, code, "Your current password is not right."),
            nameof(IdentityErrorDescriber.ConcurrencyFailure) => new(PasswordChangeError.Form, code, "Your account was changed at the same moment. Try again."),
            NotAPerson => new(PasswordChangeError.Form, code, "Only a person signed in with a password can change it."),
            _ => null,
        };
    }

    private static PasswordChangeError Undescribed(IdentityError error) =>
        new(error.Code.StartsWith("Password", StringComparison.Ordinal) ? PasswordChangeError.NewPassword : PasswordChangeError.Form, error.Code, error.Description);
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

        // A new stamp ends sessions that still carry the old role (cookies and open tabs re-check it).
        Check(await users.UpdateSecurityStampAsync(user));
        return await ToDto(user);
    }

    public async Task<bool> IsBarredAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        return user is null ? Guid.TryParse(userId, out _) : user.LockoutEnd is { } end && end > clock.GetUtcNow();
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
