using CommitmentTracker.Application.Common.Security;
using FluentValidation;

namespace CommitmentTracker.Application.Accounts.Users;

/// <summary>Rules the user requests share.</summary>
public static class UserRules
{
    /// <summary>Identity's own limit on user names.</summary>
    public const int MaxUserNameLength = 256;

    public static IRuleBuilderOptions<T, string> IsRole<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Must(role => Roles.All.Contains(role)).WithMessage($"'Role' must be one of: {string.Join(", ", Roles.All)}.");
}
