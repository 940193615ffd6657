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
}
