namespace CommitmentTracker.Application.Common;

/// <summary>
/// The addresses every door agrees on, defined once: the API mounts under <see cref="Api"/>, cookie challenges send
/// people to <see cref="SignIn"/>, and the UI links to both. (The API key header is <c>ApiKeySecret.Header</c>.)
/// </summary>
public static class AppPaths
{
    /// <summary>The versioned API's prefix; every API route and Location header starts with it.</summary>
    public const string Api = "/api/v1";

    public const string SignIn = "/account/sign-in";

    public const string OpenApi = "/openapi";
}
