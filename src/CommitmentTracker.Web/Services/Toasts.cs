using MudBlazor;

namespace CommitmentTracker.Web.Services;

/// <summary>
/// One toast at a time: a new confirmation replaces the one before it instead of queueing behind it, so what is on
/// screen is always about the last thing the person did (issue 13, item 7: toasts stacked up to five).
/// </summary>
public static class Toasts
{
    public static void Say(this ISnackbar snackbar, string message, Severity severity = Severity.Success)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        snackbar.Clear();
        snackbar.Add(message, severity);
    }
}
