namespace CommitmentTracker.Application.Common.Security;

/// <summary>The four roles. A person has one; each includes what the roles below it may do.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Manager = "Manager";
    public const string Analyst = "Analyst";
    public const string Viewer = "Viewer";

    /// <summary>Highest first: the order in which a person's strongest role is found.</summary>
    public static readonly IReadOnlyList<string> All = [Administrator, Manager, Analyst, Viewer];

    /// <summary>The most a role allows.</summary>
    public static Access Grants(string role) => role switch
    {
        Administrator => Access.Administer,
        Manager => Access.Decide,
        Analyst => Access.Write,
        _ => Access.Read,
    };
}

/// <summary>What an API key may do; a key never decides or administers — those need a person.</summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";

    public static readonly IReadOnlyList<string> All = [Read, Write];

    public static Access Grants(string scope) => scope == Write ? Access.Write : Access.Read;
}
