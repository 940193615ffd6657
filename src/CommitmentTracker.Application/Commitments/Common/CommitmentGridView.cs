using System.Globalization;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Commitments.Common;

/// <summary>
/// What the commitments grid shows — filters, sort, page and page size — read from its URL and written back to one.
/// The page holds one of these as its state so that every input, the grid's query and the next URL are made from the
/// same value; see <see cref="Query"/> for why equality is by the URL it makes. It lives in Application because a
/// saved view (decision 0044) stores its <see cref="Query"/>: the server parses and normalises what it keeps with the
/// same definition the grid reads the address with.
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
    public bool OpenEnded { get; init; }
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

    /// <summary>The view of these values; unknown statuses and kinds are dropped as the API would refuse them.</summary>
    public static CommitmentGridView FromQuery(string[]? status, string[]? kind, string? party, string? meeting, bool? overdue, bool? openEnded, string? q,
        DateOnly? dueFrom, DateOnly? dueTo, string? owner, string? sort, int? page, int? size) => new()
        {
            Status = Parse<LifecycleStatus>(status),
            Kind = Parse<CommitmentKind>(kind),
            Party = Blank(party),
            Meeting = Blank(meeting),
            Overdue = overdue == true,
            OpenEnded = openEnded == true,
            // Not trimmed: a trailing space is part of what the person is still typing.
            Q = string.IsNullOrWhiteSpace(q) ? null : q,
            DueFrom = dueFrom,
            DueTo = dueTo,
            Owner = Blank(owner),
            Sort = Blank(sort),
            PageIndex = Math.Max((page ?? 1) - 1, 0),
            PageSize = size is { } s && PageSizes.Contains(s) ? s : DefaultPageSize,
        };

    /// <summary>The most a saved query string may hold; the grid's own addresses are far shorter.</summary>
    public const int MaxQueryLength = 2000;

    private static readonly HashSet<string> Repeatable = new(StringComparer.Ordinal) { "status", "kind" };

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "status", "kind", "party", "meeting", "overdue", "openEnded", "q", "dueFrom", "dueTo", "owner", "sort", "page", "size",
    };

    /// <summary>
    /// Reads a query string strictly, for a view someone saves: every part must mean something, and
    /// <paramref name="problems"/> names each part that does not. A leading '?' is allowed.
    /// </summary>
    public static CommitmentGridView? TryParse(string? query, out IReadOnlyList<string> problems)
    {
        var view = FromAddress(query, out problems);
        return problems.Count > 0 ? null : view;
    }

    /// <summary>
    /// The view an address names, for the page: a typed, pasted or bookmarked address must still show something, so a
    /// part that means nothing to the grid is left out (the rest is shown) and named in <paramref name="problems"/> in
    /// the words the API would use, for the page to say what it did not use. A leading '?' is allowed.
    /// </summary>
    public static CommitmentGridView FromAddress(string? query, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        var text = (query ?? string.Empty).Trim();
        if (text.StartsWith('?'))
        {
            text = text[1..];
        }

        if (text.Length > MaxQueryLength)
        {
            found.Add($"The query may be at most {MaxQueryLength} characters.");
            return new CommitmentGridView();
        }

        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var part in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? string.Empty : Decode(part[(equals + 1)..]);

            var known = Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                found.Add($"'{name}' is not a filter of the commitments grid (known: {string.Join(", ", Names)}).");
                continue;
            }

            if (!values.TryGetValue(known, out var list))
            {
                values[known] = list = [];
            }
            else if (!Repeatable.Contains(known))
            {
                found.Add($"'{known}' is given more than once.");
                continue;
            }

            list.Add(value);
        }

        string? One(string name) => values.TryGetValue(name, out var v) ? v[0] : null;

        string[]? Members(string name, Type type)
        {
            if (!values.TryGetValue(name, out var given))
            {
                return null;
            }

            var members = new List<string>();
            foreach (var value in given)
            {
                if (IsMember(type, value))
                {
                    members.Add(value);
                }
                else
                {
                    found.Add(NotAMember(name, value, type));
                }
            }

            return [.. members];
        }

        var status = Members("status", typeof(LifecycleStatus));
        var kind = Members("kind", typeof(CommitmentKind));

        bool? Flag(string name)
        {
            if (One(name) is not { } f)
            {
                return null;
            }

            if (bool.TryParse(f, out var b))
            {
                return b;
            }

            found.Add($"{name} must be true or false, not '{f}'.");
            return null;
        }

        var overdue = Flag("overdue");
        var openEnded = Flag("openEnded");

        DateOnly? DayOf(string name)
        {
            if (One(name) is not { } d)
            {
                return null;
            }

            if (DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            found.Add($"{name} must be a day written yyyy-MM-dd, not '{d}'.");
            return null;
        }

        var dueFrom = DayOf("dueFrom");
        var dueTo = DayOf("dueTo");
        if (dueFrom is not null && dueTo is not null && dueTo < dueFrom)
        {
            found.Add("dueTo must not be before dueFrom.");
            dueTo = null;
        }

        var sort = One("sort") is { } given && !string.IsNullOrWhiteSpace(given) ? given.Trim() : null;
        if (sort is not null && !CommitmentSorting.IsKnown(sort))
        {
            found.Add($"'{sort}' is not a sort of the grid (one of {string.Join(", ", CommitmentSorting.Keys)}, '-' first for descending).");
            sort = null;
        }

        int? Number(string name, Func<int, bool> valid, string rule)
        {
            if (One(name) is not { } n)
            {
                return null;
            }

            if (int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && valid(number))
            {
                return number;
            }

            found.Add($"{name} must be {rule}, not '{n}'.");
            return null;
        }

        var page = Number("page", p => p >= 1, "a page number from 1");
        var size = Number("size", s => PageSizes.Contains(s), $"one of {string.Join(", ", PageSizes)}");
        if (page is { } p && (long)(p - 1) * (size ?? DefaultPageSize) >= CommitmentPaging.MaxOffset)
        {
            found.Add($"page {p} starts past the first {CommitmentPaging.MaxOffset:N0} rows, the deepest a page number reaches; narrow the filters to see further.");
            page = null;
        }

        string? Text(string name, int max)
        {
            if (One(name) is { } v && v.Length > max)
            {
                found.Add(TooLong(name, max));
                return null;
            }

            return One(name);
        }

        var view = FromQuery(status, kind, Text("party", Domain.Parties.Party.MaxKeyLength), Text("meeting", CommitmentFilter.MaxMeetingLength), overdue, openEnded, Text("q", CommitmentFilter.MaxTextLength),
            dueFrom, dueTo, Text("owner", Commitment.MaxOwnerLength), sort, page, size);
        // The API's sort keys ignore case; the grid compares them as written, so they are kept as the API lists them.
        return sort is null ? view : view with { Sort = (sort.StartsWith('-') ? "-" : "") + CommitmentSorting.Keys.First(k => string.Equals(k, sort.TrimStart('-'), StringComparison.OrdinalIgnoreCase)) };
    }

    /// <summary>
    /// The member of <typeparamref name="T"/> an address names, by name in any case; null for anything else, numbers
    /// included ("5" would otherwise be read as the sixth member, and "99" as no member at all).
    /// </summary>
    internal static T? Member<T>(string? value) where T : struct, Enum =>
        value is not null && IsMember(typeof(T), value) ? Enum.Parse<T>(value, ignoreCase: true) : null;

    /// <summary>The problem of a value that is no member of <paramref name="type"/>, in the words the API uses.</summary>
    internal static string NotAMember(string name, string value, Type type) =>
        $"'{value}' is not a {name} (one of {string.Join(", ", Enum.GetNames(type))}).";

    /// <summary>The problem of an address's text longer than the list takes, in the words the API uses.</summary>
    internal static string TooLong(string name, int max) => $"{name} may be at most {max} characters.";

    private static bool IsMember(Type type, string value) =>
        Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!) && !int.TryParse(value, out _);

    // Query strings write a space as '+' (forms) or %20; both mean a space.
    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    /// <summary>The same filters from page 1: what a changed filter starts from.</summary>
    public CommitmentGridView FirstPage() => this with { PageIndex = 0 };

    public CommitmentFilter Filter => new()
    {
        Status = [.. Status],
        Kind = [.. Kind],
        Party = Party,
        Meeting = Meeting,
        Overdue = Overdue ? true : null,
        OpenEnded = OpenEnded ? true : null,
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
        ["openEnded"] = OpenEnded ? true : null,
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
