namespace CommitmentTracker.Application.Webhooks.Common;

/// <summary>
/// Makes signing secrets and keeps them protected at rest. They must stay recoverable (the server signs with them),
/// so they are encrypted, not hashed.
/// </summary>
public interface IWebhookSecrets
{
    /// <summary>A new random secret, as shown once to the administrator.</summary>
    string Generate();

    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
