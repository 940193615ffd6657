namespace CommitmentTracker.Application.Accounts;

/// <summary>
/// Why a presented API key was refused, left on the request by the key's authentication so the refusal response can
/// name the reason without authenticating a second time.
/// </summary>
public sealed record ApiKeyRefusal(string Reason);
