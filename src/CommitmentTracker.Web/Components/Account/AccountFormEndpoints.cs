using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Web.Components.Account;

/// <summary>
/// The sign-in, sign-out and change-password form posts. They set, clear or re-issue the cookie, which only a plain
/// HTTP request can do (not a Blazor circuit); the forms carry antiforgery tokens, which these endpoints validate.
/// </summary>
public static class AccountFormEndpoints
{

    public const string PasswordPath = "/account/password";

    /// <summary>The change-password codes decided here; the rest come from <see cref="IAccountSession.ChangePasswordAsync"/>.</summary>
    public const string CurrentPasswordRequired = "current-required";

    public const string NewPasswordRequired = "new-required";

    public const string ConfirmationMismatch = "confirm-mismatch";

    public static IEndpointRouteBuilder MapAccountForms(this IEndpointRouteBuilder app)
    {
        app.MapPost(AppPaths.SignIn, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/sign-out", SignOutAsync).ExcludeFromDescription();

        // Binding the form makes the framework check its antiforgery token (400 without it); anonymous posts are sent to sign in.
        app.MapPost(PasswordPath, ChangePasswordAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    public sealed class SignInForm
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }

        public string? ReturnUrl { get; set; }
    }

    public sealed class PasswordForm
    {
        public string? CurrentPassword { get; set; }

        public string? NewPassword { get; set; }

        public string? ConfirmPassword { get; set; }
    }

    private static async Task<RedirectHttpResult> SignInAsync([FromForm] SignInForm form, IAccountSession session)
    {
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
        {
            return Again("required", form.UserName, returnUrl);
        }

        return await session.SignInAsync(form.UserName.Trim(), form.Password) switch
        {
            SignInOutcome.SignedIn => TypedResults.Redirect(returnUrl),
            SignInOutcome.LockedOut => Again("locked", form.UserName, returnUrl),
            _ => Again("invalid", form.UserName, returnUrl),
        };
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> SignOutAsync(HttpContext http, IAntiforgery antiforgery, IAccountSession session)
    {
        // Nothing is bound from this form, so the framework does not check its token by itself: without this, any
        // site could sign people out with a hidden form.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Bad request",
                detail: "The sign-out form's antiforgery token is missing or invalid. Reload the page and try again.");
        }

        await session.SignOutAsync();
        return TypedResults.Redirect(AppPaths.SignIn);
    }

    private static async Task<RedirectHttpResult> ChangePasswordAsync([FromForm] PasswordForm form, IAccountSession session)
    {
        var errors = new List<string>();
        if (string.IsNullOrEmpty(form.CurrentPassword))
        {
            errors.Add(CurrentPasswordRequired);
        }

        if (string.IsNullOrEmpty(form.NewPassword))
        {
            errors.Add(NewPasswordRequired);
        }
        else if (!string.Equals(form.NewPassword, form.ConfirmPassword, StringComparison.Ordinal))
        {
            errors.Add(ConfirmationMismatch);
        }

        if (errors.Count == 0)
        {
            var outcome = await session.ChangePasswordAsync(form.CurrentPassword!, form.NewPassword!);
            if (outcome.Succeeded)
            {
                return TypedResults.Redirect($"{PasswordPath}?done=1");
            }

            errors.AddRange(outcome.Errors.Select(e => e.Code));
        }

        // Only codes travel in the address (the page words them), never what was typed.
        return TypedResults.Redirect(PasswordPath + "?" + string.Join('&', errors.Distinct().Select(e => "error=" + Uri.EscapeDataString(e))));
    }

    private static RedirectHttpResult Again(string error, string? userName, string returnUrl) =>
        TypedResults.Redirect($"{AppPaths.SignIn}?error={error}&userName={Uri.EscapeDataString(userName ?? string.Empty)}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    // Only paths on this site: an open redirect would let a link send people elsewhere after signing in.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
