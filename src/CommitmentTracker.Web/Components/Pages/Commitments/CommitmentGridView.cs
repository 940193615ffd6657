using System.Globalization;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Web.Components.Pages;

/// <summary>
/// What the commitments grid shows — filters, sort, page and page size — read from its URL and written back to one.
/// The page holds one of these as its state so that every input, the grid's query and the next URL are made from the
/// same value; see <see cref="Query"/> for why equality is by the URL it makes.
/// </summary>
public sealed record CommitmentGridView
{
    public const int DefaultPageSize = 25;

    public static readonly int[] PageSizes = [10, 25, 50, 100];

    public IReadOnlyList<LifecycleStatus> Status { get; init; } = [];
    public IReadOnlyList<CommitmentKind> Kind { get; init; } = [];
    public string? Party { get; init; }
    public string? Meeting { get; init; }
    public bool Overdue { get; init; }
    public string? Q { get; init; }
    public DateOnly? DueFrom { get; init; }
    public DateOnly? DueTo { get; init; }
    public string? Owner { get; init; }

    /// <summary>The API's sort key, '-' for descending, e.g. <c>-due</c>.</summary>
    public string? Sort { get; init; }

    /// <summary>0-based, as the grid counts; the URL says <c>page=2</c> for index 1.</summary>
    public int PageIndex { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    public bool Mine => string.Equals(Owner, CommitmentFilter.Me, StringComparison.OrdinalIgnoreCase);

    /// <summary>The view a URL's query names; unknown values are dropped as the API would refuse them.</summary>
    public static CommitmentGridView FromQuery(string[]? status, string[]? kind, string? party, string? meeting, bool? overdue, string? q,
        DateOnly? dueFrom, DateOnly? dueTo, string? owner, string? sort, int? page, int? size) => new()
        {
            Status = Parse<LifecycleStatus>(status),
            Kind = Parse<CommitmentKind>(kind),
            Party = Blank(party),
            Meeting = Blank(meeting),
            Overdue = overdue == true,
            // Not trimmed: a trailing space is part of what the person is still typing.
            Q = string.IsNullOrWhiteSpace(q) ? null : q,
            DueFrom = dueFrom,
            DueTo = dueTo,
            Owner = Blank(owner),
            Sort = Blank(sort),
            PageIndex = Math.Max((page ?? 1) - 1, 0),
            PageSize = size is { } s && PageSizes.Contains(s) ? s : DefaultPageSize,
        };

    /// <summary>The same filters from page 1: what a changed filter starts from.</summary>
    public CommitmentGridView FirstPage() => this with { PageIndex = 0 };

    public CommitmentFilter Filter => new()
    {
        Status = [.. Status],
        Kind = [.. Kind],
        Party = Party,
        Meeting = Meeting,
        Overdue = Overdue ? true : null,
        Q = Q,
        DueFrom = DueFrom,
        DueTo = DueTo,
        Owner = Owner,
    };

    /// <summary>The filter parameters only (no sort or page), as the export and the calendar feed take them.</summary>
    public Dictionary<string, object?> FilterParameters() => new()
    {
        ["status"] = Status.Count > 0 ? Status.Select(s => s.ToString()).ToArray() : null,
        ["kind"] = Kind.Count > 0 ? Kind.Select(k => k.ToString()).ToArray() : null,
        ["party"] = Party,
        ["meeting"] = Meeting,
        ["overdue"] = Overdue ? true : null,
        ["q"] = Q,
        ["dueFrom"] = Day(DueFrom),
        ["dueTo"] = Day(DueTo),
        ["owner"] = Owner,
    };

    /// <summary>Every parameter of the page's URL; defaults are left out so a plain view has a plain address.</summary>
    public Dictionary<string, object?> Parameters() => new(FilterParameters())
    {
        ["sort"] = Sort,
        ["page"] = PageIndex == 0 ? null : PageIndex + 1,
        ["size"] = PageSize == DefaultPageSize ? null : PageSize,
    };

    /// <summary>
    /// The view as a query string in a fixed order. Two views are the same view when they make the same URL, so this is
    /// what the page compares: lists compare by content, and "2024-01-01" typed or read back from the URL is one value.
    /// </summary>
    public string Query => string.Join('&', Parameters()
        .Where(p => p.Value is not null)
        .SelectMany(p => p.Value is string[] values ? values.Select(v => (p.Key, Value: v)) : [(p.Key, Value: Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)])
        .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    public bool Equals(CommitmentGridView? other) => other is not null && Query == other.Query;

    public override int GetHashCode() => Query.GetHashCode(StringComparison.Ordinal);

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IReadOnlyList<T> Parse<T>(string[]? values) where T : struct, Enum =>
        [.. (values ?? []).Select(v => Enum.TryParse<T>(v, ignoreCase: true, out var e) ? (T?)e : null).OfType<T>().Distinct().Order()];
}
