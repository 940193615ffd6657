namespace CommitmentTracker.Application.Common.Security;

/// <summary>
/// What a request needs of the person or key sending it. Each level includes the ones below it:
/// a manager can do everything an analyst can, an administrator everything a manager can.
/// </summary>
public enum Access
{
    /// <summary>Read anything (Viewer; API keys with the read scope).</summary>
    Read = 0,

    /// <summary>Import, capture, edit and append status entries (Analyst; API keys with the write scope).</summary>
    Write = 1,

    /// <summary>Close, drop or extend a commitment (Manager).</summary>
    Decide = 2,

    /// <summary>Users, API keys, webhooks and settings (Administrator).</summary>
    Administer = 3,
}

/// <summary>
/// Declares the access a request needs; the authorization behaviour reads it before the handler runs, for the
/// API and the UI alike. Every request must carry one (a test walks them all).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresAttribute(Access access) : Attribute
{
    public Access Access { get; } = access;
}

/// <summary>A request whose needed access depends on what it asks for (closing an item needs a manager).</summary>
public interface IAccessByContent
{
    Access RequiredAccess { get; }
}

/// <summary>
/// A request anyone may send without signing in, because it authorizes itself (a calendar feed read carries its
/// own secret token). Declared explicitly so that "no requirement" is never an accident.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicAttribute : Attribute;
