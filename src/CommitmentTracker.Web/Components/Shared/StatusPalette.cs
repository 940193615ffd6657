using System.Globalization;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Web.Components.Shared;

/// <summary>What a status means to a reader at a glance; its colour family follows from it.</summary>
public enum StatusMeaning
{
    /// <summary>Recorded or under way, nothing wrong known (blues and greys).</summary>
    Open,

    /// <summary>Open but stuck: needs a decision (amber).</summary>
    AtRisk,

    /// <summary>Closed as done (green).</summary>
    ClosedGood,

    /// <summary>Closed, partly done (olive).</summary>
    ClosedPartly,

    /// <summary>Closed as not done (red).</summary>
    ClosedBad,

    /// <summary>Closed without an outcome: dropped or replaced (dark grey).</summary>
    ClosedNeutral,
}

/// <summary>
/// The one palette for statuses, used by chips, the timeline and every chart, so a colour means the same thing on
/// every page. Each colour carries white text at WCAG AA (contrast of at least 4.5:1; a test checks it), and
/// neighbouring open states (Captured, Confirmed, In progress) differ in hue, not only in shade.
/// </summary>
public static class StatusPalette
{
    public static StatusMeaning MeaningOf(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Stalled => StatusMeaning.AtRisk,
        LifecycleStatus.Fulfilled => StatusMeaning.ClosedGood,
        LifecycleStatus.PartiallyFulfilled => StatusMeaning.ClosedPartly,
        LifecycleStatus.NotFulfilled => StatusMeaning.ClosedBad,
        LifecycleStatus.Withdrawn or LifecycleStatus.Superseded => StatusMeaning.ClosedNeutral,
        _ => StatusMeaning.Open,
    };

    /// <summary>The background colour of <paramref name="status"/> (hex), for white text.</summary>
    public static string ColourOf(LifecycleStatus status) => status switch
    {
        LifecycleStatus.Captured => "#4b5866",
        LifecycleStatus.Confirmed => "#0b5cad",
        LifecycleStatus.InProgress => "#005f73",
        LifecycleStatus.Stalled => "#8a4b00",
        LifecycleStatus.Fulfilled => "#1b6b35",
        LifecycleStatus.PartiallyFulfilled => "#4f6200",
        LifecycleStatus.NotFulfilled => "#b3261e",
        LifecycleStatus.Withdrawn => "#5c5c5c",
        LifecycleStatus.Superseded => "#3f3f3f",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Every status needs a colour."),
    };

    /// <summary>The colours of <paramref name="statuses"/> in order: a chart's palette for series or slices.</summary>
    public static string[] For(IEnumerable<LifecycleStatus> statuses) => [.. statuses.Select(ColourOf)];

    /// <summary>WCAG 2 contrast ratio of <paramref name="hex"/> against white.</summary>
    public static double ContrastWithWhite(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var rgb = Convert.ToInt32(hex.TrimStart('#'), 16);
        double Channel(int shift)
        {
            var c = ((rgb >> shift) & 0xff) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel(16)) + (0.7152 * Channel(8)) + (0.0722 * Channel(0));
        return 1.05 / (luminance + 0.05);
    }

    /// <summary>The chip style: the status colour with white text.</summary>
    public static string ChipStyle(LifecycleStatus status) =>
        string.Create(CultureInfo.InvariantCulture, $"background-color:{ColourOf(status)};color:#ffffff");
}
