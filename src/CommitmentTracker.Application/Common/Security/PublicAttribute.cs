namespace CommitmentTracker.Application.Common.Security;

/// <summary>
/// Declares a request that needs no sign-in because it authorizes itself: it carries its own credential (a calendar
/// feed's secret token) and its handler refuses it when that credential is unknown or revoked. Used instead of
/// <see cref="RequiresAttribute"/> for clients that cannot sign in or send headers, such as calendar apps
/// polling a subscription URL. The authorization behaviour lets such a request through; the handler must not.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicAttribute : Attribute;
