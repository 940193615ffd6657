using CommitmentTracker.Application.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CommitmentTracker.Web.Ledger;

/// <summary>
/// The sign-in and sign-out form posts. They set or clear the cookie, which only a plain HTTP request can do (not a
/// Blazor circuit); the forms carry antiforgery tokens, which these endpoints validate.
/// </summary>
public static class AccountForms
{
    public const string SignInPath = "/account/sign-in";

    public static IEndpointRouteBuilder MapAccountForms(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInPath, SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/sign-out", SignOutAsync).ExcludeFromDescription();
        return app;
    }

    public sealed class SignInForm
    {
        public string? UserName { get; set; }

        public string? Password { get; set; }

        public string? ReturnUrl { get; set; }
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
        return TypedResults.Redirect(SignInPath);
    }

    private static RedirectHttpResult Again(string error, string? userName, string returnUrl) =>
        TypedResults.Redirect($"{SignInPath}?error={error}&userName={Uri.EscapeDataString(userName ?? string.Empty)}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    // Only paths on this site: an open redirect would let a link send people elsewhere after signing in.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
