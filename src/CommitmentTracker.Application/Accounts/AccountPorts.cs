namespace CommitmentTracker.Application.Accounts;

public enum SignInOutcome
{
    SignedIn,
    Invalid,
    LockedOut,
}

/// <summary>Cookie sign-in for people (the browser UI). Infrastructure implements it with ASP.NET Core Identity.</summary>
public interface IAccountSession
{
    Task<SignInOutcome> SignInAsync(string userName, string password);

    Task SignOutAsync();

    /// <summary>
    /// Changes the password of the person signed in on the current request, after checking their current one, and
    /// re-issues their cookie (the security stamp changes with the password). Nothing changes when it fails.
    /// </summary>
    Task<PasswordChangeOutcome> ChangePasswordAsync(string currentPassword, string newPassword);

    /// <summary>The field and message for a code from <see cref="PasswordChangeOutcome"/>; null for a code it does not know.</summary>
    PasswordChangeError? DescribePasswordError(string code);
}

/// <summary>Why a password was not changed: the form field it concerns, a stable code, and the message for people.</summary>
public sealed record PasswordChangeError(string Field, string Code, string Message)
{
    public const string CurrentPassword = "currentPassword";
    public const string NewPassword = "newPassword";
    public const string ConfirmPassword = "confirmPassword";

    /// <summary>Not about one field (no person behind the request, or a concurrent change).</summary>
    public const string Form = "form";
}

public sealed record PasswordChangeOutcome(IReadOnlyList<PasswordChangeError> Errors)
{
    public static readonly PasswordChangeOutcome Changed = new([]);

    public bool Succeeded => Errors.Count == 0;
}

public sealed record UserDto(string Id, string UserName, string Role, bool IsLockedOut, DateTimeOffset? LockoutEnd);

/// <summary>The people who may sign in, and their roles. Identity rules (password strength, unique names) apply.</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken cancellationToken);

    Task<UserDto?> FindAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Throws a validation error naming the field when Identity refuses the name or password.</summary>
    Task<UserDto> CreateAsync(string userName, string role, string password, CancellationToken cancellationToken);

    Task<UserDto> SetRoleAsync(string userName, string role, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the account with this id may no longer act: it is locked out, or it was an account (an Identity id)
    /// and is gone. Ids that never named an account (the system's own) are not barred.
    /// </summary>
    Task<bool> IsBarredAsync(string userId, CancellationToken cancellationToken);
}
