using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain;
using FluentValidation;

namespace CommitmentTracker.Web.Forms;

/// <summary>
/// The outcome of a form submission as the user should see it: messages per field (the same validators and rules
/// as the API), or one message for the whole form (someone else saved first, the item is gone).
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.OrdinalIgnoreCase);

    public string? Summary { get; private set; }

    /// <summary>Someone (perhaps this user, in another tab) changed or decided the item first: what the page shows is stale.</summary>
    public bool Conflict { get; private set; }

    public bool Any => Summary is not null || _fields.Count > 0;

    public bool Has(string field) => _fields.ContainsKey(field);

    /// <summary>The messages for a field, joined; null when the field is fine.</summary>
    public string? For(string field) => _fields.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The messages for a field and its parts ("EvidenceLinks", "EvidenceLinks[2]"), joined; null when all are fine.</summary>
    public string? ForAll(string field)
    {
        var messages = _fields.Where(f => Covers(field, f.Key)).SelectMany(f => f.Value).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    /// <summary>
    /// The summary and every message that belongs to none of <paramref name="shownFields"/>: a form shows these in
    /// its alert, so no rule's message is lost because the form has no place for it.
    /// </summary>
    public string? Unplaced(params string[] shownFields)
    {
        var messages = _fields.Where(f => !shownFields.Any(shown => Covers(shown, f.Key))).SelectMany(f => f.Value)
            .Prepend(Summary).OfType<string>().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    private static bool Covers(string field, string key) =>
        string.Equals(key, field, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> All => _fields.Values.SelectMany(m => m).Concat(Summary is null ? [] : [Summary]);

    /// <summary>Shows <paramref name="message"/> at <paramref name="field"/> before anything is sent: a prompt for a missing piece.</summary>
    public void Ask(string field, string message) => Add(field, message);

    public void Clear()
    {
        _fields.Clear();
        Summary = null;
        Conflict = false;
    }

    /// <summary>Runs a submission; returns true when it succeeded, otherwise records what went wrong.</summary>
    public async Task<bool> TryAsync(Func<Task> submit)
    {
        Clear();
        try
        {
            await submit();
            return true;
        }
        catch (ValidationException ex)
        {
            foreach (var error in ex.Errors)
            {
                Add(error.PropertyName, error.ErrorMessage);
            }
        }
        catch (DomainRuleException ex)
        {
            Add(ex.Field, ex.Message);
        }
        catch (ConcurrencyConflictException ex)
        {
            Summary = ex.Message;
            Conflict = true;
        }
        catch (PreconditionRequiredException ex)
        {
            Summary = ex.Message;
        }
        catch (NotFoundException ex)
        {
            Summary = ex.Message;
        }
        catch (DuplicateException ex)
        {
            Summary = ex.Message;
        }
        catch (ForbiddenException ex)
        {
            Summary = ex.Message;
        }
        catch (UnauthenticatedException)
        {
            Summary = "Your sign-in has ended. Reload the page and sign in again; nothing was saved.";
        }
        catch (OperationCanceledException)
        {
            // The page was left while it worked (its token is cancelled on disposal); the write never happened.
            Summary = "Stopped before it finished; nothing was saved.";
        }

        return false;
    }

    /// <summary>"Changes.Spans[0]" and "Entry.Rationale" name the same fields as "Spans[0]" and "Rationale" in a form.</summary>
    private void Add(string property, string message)
    {
        var field = property;
        foreach (var wrapper in new[] { "Changes.", "Entry.", "Filter." })
        {
            if (field.StartsWith(wrapper, StringComparison.Ordinal))
            {
                field = field[wrapper.Length..];
            }
        }

        if (!_fields.TryGetValue(field, out var messages))
        {
            _fields[field] = messages = [];
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }
}
