using FluentValidation;

namespace CommitmentTracker.Application.Common;

/// <summary>Rules several requests share, written once so they say the same thing everywhere.</summary>
public static class ValidationRules
{
    /// <summary>A human-readable code: letters, digits and hyphens ("NSK-2023", "NSK-2023-004").</summary>
    public static IRuleBuilderOptions<T, string?> IsCode<T>(this IRuleBuilder<T, string?> rule, string example) =>
        rule.Matches("^[A-Za-z0-9][A-Za-z0-9-]*$").WithMessage($"'{{PropertyName}}' may contain only letters, digits and hyphens, e.g. {example}.");

    /// <summary>An absolute http(s) address, or nothing.</summary>
    public static IRuleBuilderOptions<T, Uri?> IsHttpUrl<T>(this IRuleBuilder<T, Uri?> rule) =>
        rule.Must(IsHttp).WithMessage("'{PropertyName}' must be an absolute http(s) URL.");

    /// <summary>The same, for an address given as text.</summary>
    public static IRuleBuilderOptions<T, string?> IsHttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => Uri.TryCreate(text, UriKind.Absolute, out var uri) && IsHttp(uri)).WithMessage("'{PropertyName}' must be an absolute http(s) URL.");

    /// <summary>
    /// A page number from 1 to <see cref="MaxPage"/>: beyond it (page - 1) × page size overflows an int and the
    /// query would silently return page 1.
    /// </summary>
    public static IRuleBuilderOptions<T, int> IsPage<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, MaxPage).WithMessage($"'{{PropertyName}}' must be between 1 and {MaxPage:D}.");

    /// <summary>
    /// A day the ledger can compute around: figures add months and days to it ("due within 90 days", "the last 36
    /// months"), which overflow DateOnly near year 1 and year 9999.
    /// </summary>
    public static IRuleBuilderOptions<T, DateOnly?> IsLedgerDay<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d is null || (d >= FirstLedgerDay && d <= LastLedgerDay))
            .WithMessage($"'{{PropertyName}}' must be a day from {FirstLedgerDay:yyyy-MM-dd} to {LastLedgerDay:yyyy-MM-dd}.");

    public static readonly DateOnly FirstLedgerDay = new(1900, 1, 1);

    public static readonly DateOnly LastLedgerDay = new(2999, 12, 31);

    /// <summary>The largest page number whose first row still fits an int at the largest page size.</summary>
    public const int MaxPage = int.MaxValue / PagedResult<object>.MaxPageSize;

    private static bool IsHttp(Uri? uri) => uri is null || (uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}
