using System.Reflection;
using System.Text.Json;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CommitmentTracker.Api.Infrastructure;

/// <summary>
/// The one place exceptions become HTTP answers, all RFC 9457 problem+json: bad input 400 with per-field
/// errors, missing 404, stale 412 (409 without If-Match), missing precondition 428, anything else 500
/// with no internals (the trace id lets operators find the logged exception).
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, IOptions<JsonOptions> json, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException v => Invalid(v.Errors.GroupBy(e => FieldName(e.PropertyName)).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
            DomainRuleException d => Invalid(new() { [FieldName(d.Field)] = [d.Message] }),
            BadHttpRequestException b => BadRequest(b, json.Value.SerializerOptions),
            NotFoundException n => Problem(StatusCodes.Status404NotFound, "Not found", n.Message),
            UnauthenticatedException u => Problem(StatusCodes.Status401Unauthorized, "Sign-in required", u.Message),
            ForbiddenException f => Problem(StatusCodes.Status403Forbidden, "Not allowed", f.Message),
            PreconditionRequiredException p => Problem(StatusCodes.Status428PreconditionRequired, "Precondition required", p.Message),
            ConcurrencyConflictException c => Problem(
                httpContext.Request.Headers.IfMatch.Count > 0 ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
                c.Title,
                c.Message),
            DuplicateException d => Problem(StatusCodes.Status409Conflict, "Already exists", d.Message),
            _ => null,
        };

        if (problem is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            var traceId = ProblemTrace.IdOf(httpContext);
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path, traceId);
            problem = Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred", "The server could not complete the request. If it keeps happening, report the trace id.");
            problem.Extensions[ProblemTrace.Extension] = traceId;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            // The writer declines clients that accept only their own format (a calendar app asking for text/calendar,
            // a CSV tool); they still get the problem rather than an empty body or, for a 404, a 500.
            await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        }

        return true;
    }

    /// <summary>"Changes.Spans[0].End" → "spans[0].end": the field as the client wrote it in JSON or the query.</summary>
    public static string FieldName(string propertyName)
    {
        var path = propertyName;
        foreach (var wrapper in new[] { "Changes.", "Filter.", "Entry." })
        {
            if (path.StartsWith(wrapper, StringComparison.Ordinal))
            {
                path = path[wrapper.Length..];
            }
        }

        return string.Join('.', path.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
    }

    private static ValidationProblemDetails Invalid(Dictionary<string, string[]> errors) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request has invalid fields",
        Detail = string.Join(" ", errors.SelectMany(e => e.Value).Take(3)),
    };

    // Unreadable JSON or an unbindable query value: say which field and why, not how the server is built.
    private static ProblemDetails BadRequest(BadHttpRequestException exception, JsonSerializerOptions options)
    {
        if (exception.InnerException is JsonException { Path: { } path } json && json.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            // "'status' must be one of …": the message names its field, as the query's and the validators' messages do.
            var field = path.TrimStart('$', '.');
            return field.Length == 0
                ? Invalid(new() { ["body"] = [$"The body {Expected(json.Message)}"] })
                : Invalid(new() { [FieldName(field)] = [$"'{FieldName(field)}' {Expected(json.Message, field)}"] });
        }

        // "JSON deserialization for type '…' was missing required properties including: 'status'."
        if (exception.InnerException is JsonException missing && missing.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = missing.Message.Split("including:", 2)[^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\'', '.', ' ')).Where(n => n.Length > 0).ToList();
            var at = (missing.Path ?? "$").TrimStart('$', '.');
            return Invalid(names.ToDictionary(n => FieldName(at.Length == 0 ? n : $"{at}.{n}"), n => new[] { $"'{n}' is required." }));
        }

        // "The JSON property 'duePhrase' could not be mapped to any .NET member contained in type '…CommitmentDraft'."
        if (exception.InnerException is JsonException unknown && unknown.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var quoted = unknown.Message.Split('\'');
            var name = quoted.Length > 1 ? quoted[1] : "?";
            var at = (unknown.Path ?? "$").TrimStart('$', '.');
            var owner = at.Length == 0 || !at.EndsWith(name, StringComparison.Ordinal) ? at : at[..^name.Length].TrimEnd('.');
            var fields = quoted.Length > 3 ? FieldsOf(quoted[3], options) : [];
            var known = fields.Count > 0 ? $" Its fields: {string.Join(", ", fields)}." : string.Empty;
            return Invalid(new() { [FieldName(owner.Length == 0 ? name : $"{owner}.{name}")] = [$"'{name}' is not a field of this object, so it would be lost.{known}"] });
        }

        // "Duplicate property 'name' encountered during deserialization of type '…'.", at "$.participants[0].party".
        if (exception.InnerException is JsonException { Path: { } twice } duplicate && duplicate.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            var field = FieldName(twice.TrimStart('$', '.'));
            return Invalid(new() { [field] = [$"'{field}' is sent more than once; send each field once, so the request says one thing."] });
        }

        if (exception.InnerException is JsonException syntax)
        {
            var where = syntax.LineNumber is { } line ? $" (line {line + 1}, byte {syntax.BytePositionInLine + 1})" : string.Empty;
            return Invalid(new() { ["body"] = [$"The request body is not valid JSON{where}."] });
        }

        // "Implicit body inferred for parameter … but no body was provided" / "Required parameter … was not provided from body".
        if (exception.Message.Contains("no body was provided", StringComparison.Ordinal) || exception.Message.Contains("not provided from body", StringComparison.Ordinal))
        {
            return Invalid(new() { ["body"] = ["A JSON body is required."] });
        }

        // Minimal APIs say: Failed to bind parameter "Type Name" from "value".
        var parts = exception.Message.Split('"');
        if (!exception.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) || parts.Length < 4)
        {
            return Problem(exception.StatusCode, "Bad request", exception.Message);
        }

        var declaration = parts[1].Split(' ');
        var expected = Expected($"converted to {declaration[0].TrimEnd('?', ']', '[')}");
        return Invalid(new() { [FieldName(declaration[^1])] = [$"'{parts[3]}' is not valid: {FieldName(declaration[^1])} {expected}"] });
    }

    // System.Text.Json and the binder name .NET types; say what the client should send instead.
    private static string Expected(string converterMessage, string? path = null)
    {
        const string marker = "converted to ";
        var at = converterMessage.IndexOf(marker, StringComparison.Ordinal);
        var typeName = at < 0 ? string.Empty : converterMessage[(at + marker.Length)..].Split(". Path:", 2)[0].TrimEnd('.');
        var type = ResolveType(typeName);

        // For a nullable member System.Text.Json names the object that holds it ("could not be converted to SpanInput",
        // path "spans[0].start"): what was expected is that member's type.
        if (type is { IsClass: true } && type != typeof(string) && path?.Split('.')[^1] is { Length: > 0 } member
            && type.GetProperty(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
        {
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        }

        return type switch
        {
            { IsEnum: true } => $"must be one of {string.Join(", ", Enum.GetNames(type))}.",
            _ when type == typeof(string) => "must be text.",
            _ when type == typeof(int) || type == typeof(long) => "must be a whole number.",
            _ when type == typeof(decimal) || type == typeof(double) => "must be a number.",
            _ when type == typeof(bool) => "must be true or false.",
            _ when type == typeof(DateOnly) => "must be a date (yyyy-MM-dd).",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "must be a date and time (ISO 8601, e.g. 2024-06-01T12:00:00Z).",
            _ when type == typeof(Guid) => "must be an id (GUID).",
            _ => "has the wrong type or format.",
        };
    }

    // The members the API reads for a request type, by the names its JSON contract gives them, for "its fields: …".
    private static List<string> FieldsOf(string typeName, JsonSerializerOptions options)
    {
        var type = OwnType(typeName);
        return type is null
            ? []
            : [.. options.GetTypeInfo(type).Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).Select(p => p.Name)];
    }

    private static Type? ResolveType(string written)
    {
        // The binder writes C# names ("bool?", "DateOnly?", "Nullable<DateOnly>"); System.Text.Json writes .NET ones
        // ("System.Nullable`1[System.Int32]").
        var name = written.Trim().TrimEnd('?');
        name = name.StartsWith("System.", StringComparison.Ordinal) ? name["System.".Length..] : name;
        name = name.StartsWith("Nullable<", StringComparison.Ordinal) && name.EndsWith('>') ? name["Nullable<".Length..^1]
            : name.StartsWith("Nullable`1[", StringComparison.Ordinal) && name.EndsWith(']') ? name["Nullable`1[".Length..^1]
            : name;
        name = name.StartsWith("System.", StringComparison.Ordinal) ? name["System.".Length..] : name;
        if (CSharpNames.TryGetValue(name, out var keyword))
        {
            return keyword;
        }

        var type = Type.GetType(name)
            ?? Type.GetType("System." + name)
            ?? OwnType(name)
            ?? typeof(DomainRuleException).Assembly.GetTypes().FirstOrDefault(t => t.Name == name);
        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    // A type of the app's own assemblies by its full name, as System.Text.Json writes it.
    private static Type? OwnType(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name?.StartsWith("CommitmentTracker", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(fullName)).FirstOrDefault(t => t is not null);

    private static readonly Dictionary<string, Type> CSharpNames = new(StringComparer.Ordinal)
    {
        ["bool"] = typeof(bool),
        ["int"] = typeof(int),
        ["long"] = typeof(long),
        ["decimal"] = typeof(decimal),
        ["double"] = typeof(double),
        ["string"] = typeof(string),
    };

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}, traceId {TraceId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string traceId);
}
