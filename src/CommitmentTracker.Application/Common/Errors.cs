using FluentValidation;
using FluentValidation.Results;

namespace CommitmentTracker.Application.Common;

/// <summary>The thing asked for does not exist (404).</summary>
public sealed class NotFoundException(string entity, string key)
    : Exception($"{entity} '{key}' was not found.")
{
    public string Entity { get; } = entity;

    public string Key { get; } = key;
}

/// <summary>
/// The client wrote against a state that is no longer current (412 when it sent If-Match, else 409): a version someone
/// else moved on, or a decision already taken. <paramref name="title"/> is the problem's title when the default ("changed
/// by someone else") would not be true, as for a decision the same user took a moment before.
/// </summary>
public sealed class ConcurrencyConflictException(string message, long? currentVersion = null, Exception? innerException = null, string? title = null)
    : Exception(message, innerException)
{
    public long? CurrentVersion { get; } = currentVersion;

    public string Title { get; } = title ?? "The item was changed by someone else";
}

/// <summary>An update arrived without the version it was based on (428).</summary>
public sealed class PreconditionRequiredException(string message) : Exception(message);

/// <summary>A unique value (a code) is already taken (409).</summary>
public sealed class DuplicateException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>Raises a per-field validation error from a handler, for rules that need the database.</summary>
public static class Invalid
{
    public static ValidationException Field(string field, string message) =>
        new(message, [new ValidationFailure(field, message)]);

    /// <summary>Several fields at once, each with its message, keyed by the request's member names as validators key them.</summary>
    public static ValidationException Fields(IReadOnlyDictionary<string, string> messages) =>
        new(string.Join(" ", messages.Values), [.. messages.Select(m => new ValidationFailure(m.Key, m.Value))]);
}

/// <summary>Nobody is signed in and no API key was sent (401).</summary>
public sealed class UnauthenticatedException(string message) : Exception(message);

/// <summary>Signed in, but the role or key scope does not allow this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
