namespace CommitmentTracker.Application.Common;

/// <summary>
/// The application cannot start as it is set up: a setting is missing or holds a value it cannot use. The message says
/// what to set. The Host prints it as one line and exits with code 1, without a stack trace, since nothing is broken
/// but the setup.
/// </summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner);
