using System.Reflection;
using Mediator;

namespace CommitmentTracker.Application.Common.Security;

/// <summary>
/// Refuses a request before validation and the handler when the actor may not send it: 401 when nobody is signed
/// in, 403 when the role or key scope is too weak. The REST API and the Blazor UI both pass through here, so a
/// hidden button is never the only guard.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentActor actor) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Requirement<TMessage>.Access is { } declared)
        {
            var needed = message is IAccessByContent byContent && byContent.RequiredAccess > declared ? byContent.RequiredAccess : declared;
            Requirements.Demand(actor, needed);
        }

        return next(message, cancellationToken);
    }
}

/// <summary>The access request types declare, and the one check that enforces it.</summary>
public static class Requirements
{
    /// <summary>
    /// Throws 401/403 unless the actor may do what <paramref name="needed"/> says. The behaviour calls it for every
    /// request; a handler calls it only when the need shows in the data (extending a due window).
    /// </summary>
    public static void Demand(ICurrentActor actor, Access needed)
    {
        var principal = actor.Principal;
        var allowed = principal.Allowed() ?? throw new UnauthenticatedException("Sign in, or send an API key in the X-Api-Key header.");
        if (allowed < needed)
        {
            var who = principal.IsApiKey()
                ? $"The API key '{principal.Identity!.Name}' has the scopes {string.Join(", ", principal.FindAll(ActorClaims.Scope).Select(c => c.Value))}{(needed >= Access.Decide ? "; keys never decide or administer" : "")}."
                : $"You are signed in as {principal.DisplayName()} ({principal.RoleLabel()}).";
            throw new ForbiddenException($"{Describe(needed)} {who}");
        }
    }

    private static string Describe(Access access) => access switch
    {
        Access.Write => "This needs an analyst (or an API key with the write scope).",
        Access.Decide => "This is a manager's decision.",
        Access.Administer => "This needs an administrator.",
        _ => "This needs read access.",
    };

    /// <summary>Null for <see cref="PublicAttribute"/> requests; throws when a request declares neither.</summary>
    public static Access? Of(Type type) =>
        type.GetCustomAttribute<RequiresAttribute>()?.Access
        ?? (type.IsDefined(typeof(PublicAttribute), inherit: false)
            ? null
            : throw new InvalidOperationException($"{type.Name} declares no [Requires] or [Public]: every request must say who may send it."));
}

/// <summary>Read once per request type.</summary>
internal static class Requirement<TMessage>
{
    public static readonly Access? Access = Requirements.Of(typeof(TMessage));
}
