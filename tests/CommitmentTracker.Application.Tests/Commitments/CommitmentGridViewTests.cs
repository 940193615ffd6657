using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Domain.Commitments;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// The grid's view: read strictly from a saved query string (every part must mean something, each bad part named),
/// read leniently from a browser address, and written back to the one URL that decides whether two views are the same.
/// </summary>
public sealed class CommitmentGridViewTests
{
    private const string Statuses = "Captured, Confirmed, InProgress, Stalled, Fulfilled, PartiallyFulfilled, NotFulfilled, Superseded, Withdrawn";
    private const string Kinds = "TradeTarget, CulturalEvent, Hub, Instruction, Cooperation, Pledge, Other";

    private static IReadOnlyList<string> ProblemsOf(string query)
    {
        CommitmentGridView.TryParse(query, out var problems).ShouldBeNull();
        return problems;
    }

    private static CommitmentGridView Read(string? query)
    {
        var view = CommitmentGridView.TryParse(query, out var problems);
        problems.ShouldBeEmpty();
        return view.ShouldNotBeNull();
    }

    [Fact]
    public void A_saved_query_is_read_into_every_filter_sort_and_page_of_the_grid()
    {
        var view = Read("?status=stalled&Status=InProgress&kind=hub&party=+by+&meeting=NSK-2023&overdue=true&OPENENDED=true&q=trade+house%26co"
            + "&dueFrom=2024-01-01&dueTo=2024-12-31&owner=ana&sort=-DUE&page=3&size=50");

        view.Status.ShouldBe([LifecycleStatus.InProgress, LifecycleStatus.Stalled]);
        view.Kind.ShouldBe([CommitmentKind.Hub]);
        view.Party.ShouldBe("by");
        view.Meeting.ShouldBe("NSK-2023");
        view.Overdue.ShouldBeTrue();
        view.OpenEnded.ShouldBeTrue();
        view.Q.ShouldBe("trade house&co");
        view.DueFrom.ShouldBe(new DateOnly(2024, 1, 1));
        view.DueTo.ShouldBe(new DateOnly(2024, 12, 31));
        view.Owner.ShouldBe("ana");
        view.Sort.ShouldBe("-due");
        view.PageIndex.ShouldBe(2);
        view.PageSize.ShouldBe(50);
        view.Query.ShouldBe("status=InProgress&status=Stalled&kind=Hub&party=by&meeting=NSK-2023&overdue=True&openEnded=True&q=trade%20house%26co"
            + "&dueFrom=2024-01-01&dueTo=2024-12-31&owner=ana&sort=-due&page=3&size=50");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ?  ")]
    [InlineData("&&")]
    public void An_empty_saved_query_is_the_plain_first_page(string? query)
    {
        var view = Read(query);

        view.ShouldBe(new CommitmentGridView());
        (view.PageIndex, view.PageSize, view.Sort, view.Overdue, view.Query).ShouldBe((0, 25, (string?)null, false, ""));
    }

    [Theory]
    [InlineData("sort=Title", "title")]
    [InlineData("sort=-meetingdate", "-meetingDate")]
    [InlineData("sort=+updatedAt+", "updatedAt")]
    [InlineData("sort=", null)]
    public void A_sort_is_kept_as_the_API_lists_its_key(string query, string? sort) => Read(query).Sort.ShouldBe(sort);

    [Fact]
    public void A_saved_query_of_exactly_the_longest_length_is_read_and_a_longer_one_refused()
    {
        // 124 × "status=Captured" joined by '&' is 1,983 characters; empty parts pad it to exactly 2,000.
        var longest = string.Join('&', Enumerable.Repeat("status=Captured", 124)) + new string('&', 17);
        longest.Length.ShouldBe(CommitmentGridView.MaxQueryLength);

        Read(longest).Status.ShouldBe([LifecycleStatus.Captured]);
        Read("?" + longest).Status.ShouldBe([LifecycleStatus.Captured]);
        ProblemsOf(longest + "&").ShouldBe(["The query may be at most 2000 characters."]);
    }

    [Fact]
    public void Unknown_names_and_repeated_single_values_are_each_named()
    {
        ProblemsOf("Status=Captured&color=red&page=2&PAGE=3&flag&status=Confirmed").ShouldBe([
            "'color' is not a filter of the commitments grid (known: status, kind, party, meeting, overdue, openEnded, q, dueFrom, dueTo, owner, sort, page, size).",
            "'page' is given more than once.",
            "'flag' is not a filter of the commitments grid (known: status, kind, party, meeting, overdue, openEnded, q, dueFrom, dueTo, owner, sort, page, size).",
        ]);
    }

    [Fact]
    public void Every_value_that_means_nothing_is_named_with_what_it_may_be()
    {
        var query = "status=Done&status=3&status=Withdrawn,Stalled&status=Captured&kind=hub&kind=Speech&overdue=yes&openEnded=soon"
            + "&dueFrom=2024-13-01&dueTo=01.02.2024&sort=priority&page=0&size=20"
            + $"&party={new string('p', 41)}&meeting={new string('m', 61)}&q={new string('q', 201)}&owner={new string('o', 257)}";

        ProblemsOf(query).ShouldBe([
            $"'Done' is not a status (one of {Statuses}).",
            $"'3' is not a status (one of {Statuses}).",
            $"'Withdrawn,Stalled' is not a status (one of {Statuses}).",
            $"'Speech' is not a kind (one of {Kinds}).",
            "overdue must be true or false, not 'yes'.",
            "openEnded must be true or false, not 'soon'.",
            "dueFrom must be a day written yyyy-MM-dd, not '2024-13-01'.",
            "dueTo must be a day written yyyy-MM-dd, not '01.02.2024'.",
            "'priority' is not a sort of the grid (one of code, title, kind, status, due, meetingDate, updatedAt, '-' first for descending).",
            "page must be a page number from 1, not '0'.",
            "size must be one of 10, 25, 50, 100, not '20'.",
            "party may be at most 40 characters.",
            "meeting may be at most 60 characters.",
            "q may be at most 200 characters.",
            "owner may be at most 256 characters.",
        ]);
    }

    [Fact]
    public void Values_at_their_limits_are_read()
    {
        var view = Read($"party={new string('p', 40)}&meeting={new string('m', 60)}&q={new string('q', 200)}&owner={new string('o', 256)}"
            + "&page=1&size=10&overdue=False&dueFrom=2024-05-01&dueTo=2024-05-01");

        (view.Party!.Length, view.Meeting!.Length, view.Q!.Length, view.Owner!.Length).ShouldBe((40, 60, 200, 256));
        (view.PageIndex, view.PageSize, view.Overdue).ShouldBe((0, 10, false));
        (view.DueFrom, view.DueTo).ShouldBe((new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 1)));
    }

    [Theory]
    [InlineData("page=-1", "page must be a page number from 1, not '-1'.")]
    [InlineData("page=+2", "page must be a page number from 1, not ' 2'.")]
    [InlineData("size=ten", "size must be one of 10, 25, 50, 100, not 'ten'.")]
    [InlineData("overdue", "overdue must be true or false, not ''.")]
    [InlineData("dueFrom=2024-05-01&dueTo=2024-04-30", "dueTo must not be before dueFrom.")]
    public void A_bad_number_flag_or_range_is_refused(string query, string problem) => ProblemsOf(query).ShouldBe([problem]);

    [Fact]
    public void One_day_alone_is_no_range_to_check()
    {
        Read("dueTo=2024-04-30").DueTo.ShouldBe(new DateOnly(2024, 4, 30));
        Read("dueFrom=2024-05-01").DueFrom.ShouldBe(new DateOnly(2024, 5, 1));
    }

    [Fact]
    public void An_address_typed_into_the_browser_keeps_what_it_can_read_and_drops_the_rest()
    {
        var view = CommitmentGridView.FromQuery(["stalled", "nonsense", "Stalled", "InProgress"], ["hub", "x"], "  ", " NSK-2023 ", null, null, "trade ",
            new DateOnly(2024, 1, 1), null, " ", "  ", 0, 20);

        view.Status.ShouldBe([LifecycleStatus.InProgress, LifecycleStatus.Stalled]);
        view.Kind.ShouldBe([CommitmentKind.Hub]);
        view.Party.ShouldBeNull();
        view.Meeting.ShouldBe("NSK-2023");
        view.Overdue.ShouldBeFalse();
        view.Q.ShouldBe("trade ");
        view.DueFrom.ShouldBe(new DateOnly(2024, 1, 1));
        view.DueTo.ShouldBeNull();
        view.Owner.ShouldBeNull();
        view.Sort.ShouldBeNull();
        view.PageIndex.ShouldBe(0);
        view.PageSize.ShouldBe(CommitmentGridView.DefaultPageSize);
    }

    [Fact]
    public void The_page_keeps_what_an_address_names_and_says_what_it_did_not_use()
    {
        var view = CommitmentGridView.FromAddress(
            "?status=Stalled&status=Nope&kind=hub&kind=7&dueFrom=notaday&dueTo=2024-06-30&overdue=maybe&sort=bogus&page=abc&size=7&foo=1&q=tram", out var problems);

        view.Status.ShouldBe([LifecycleStatus.Stalled]);
        view.Kind.ShouldBe([CommitmentKind.Hub]);
        (view.DueFrom, view.DueTo).ShouldBe((null, new DateOnly(2024, 6, 30)));
        view.Overdue.ShouldBeFalse();
        view.Sort.ShouldBeNull();
        (view.PageIndex, view.PageSize).ShouldBe((0, CommitmentGridView.DefaultPageSize));
        view.Q.ShouldBe("tram");
        problems.ShouldBe([
            "'foo' is not a filter of the commitments grid (known: status, kind, party, meeting, overdue, openEnded, q, dueFrom, dueTo, owner, sort, page, size).",
            $"'Nope' is not a status (one of {Statuses}).",
            $"'7' is not a kind (one of {Kinds}).",
            "overdue must be true or false, not 'maybe'.",
            "dueFrom must be a day written yyyy-MM-dd, not 'notaday'.",
            "'bogus' is not a sort of the grid (one of code, title, kind, status, due, meetingDate, updatedAt, '-' first for descending).",
            "page must be a page number from 1, not 'abc'.",
            "size must be one of 10, 25, 50, 100, not '7'.",
        ]);
    }

    [Theory]
    [InlineData("page=400", 399, null)]
    [InlineData("page=401", 0, "page 401 starts past the first 10,000 rows, the deepest a page number reaches; narrow the filters to see further.")]
    [InlineData("page=100&size=100", 99, null)]
    [InlineData("page=101&size=100", 0, "page 101 starts past the first 10,000 rows, the deepest a page number reaches; narrow the filters to see further.")]
    public void A_page_number_reaches_as_deep_as_the_list_reads_by_offset(string query, int pageIndex, string? problem)
    {
        var view = CommitmentGridView.FromAddress(query, out var problems);

        view.PageIndex.ShouldBe(pageIndex);
        problems.ShouldBe(problem is null ? [] : [problem]);
    }

    [Fact]
    public void Text_too_long_for_the_list_and_a_range_ending_before_it_starts_are_left_out_and_named()
    {
        var view = CommitmentGridView.FromAddress($"q={new string('x', 201)}&party=RU-AD&dueFrom=2024-05-01&dueTo=2024-04-30", out var problems);

        view.Q.ShouldBeNull();
        view.Party.ShouldBe("RU-AD");
        (view.DueFrom, view.DueTo).ShouldBe((new DateOnly(2024, 5, 1), null));
        problems.ShouldBe(["dueTo must not be before dueFrom.", "q may be at most 200 characters."]);
    }

    [Fact]
    public void An_address_the_grid_wrote_is_read_back_without_a_word()
    {
        var written = new CommitmentGridView { Status = [LifecycleStatus.Captured], Party = "RU-AD", DueFrom = new DateOnly(2024, 1, 1), Sort = "-due", PageIndex = 3, PageSize = 50 };

        var read = CommitmentGridView.FromAddress("?" + written.Query, out var problems);

        problems.ShouldBeEmpty();
        read.ShouldBe(written);
    }

    [Fact]
    public void An_address_without_values_is_the_plain_first_page_and_blank_text_is_no_search()
    {
        var view = CommitmentGridView.FromQuery(null, null, null, null, false, null, "   ", null, null, null, null, null, null);

        view.ShouldBe(new CommitmentGridView());
        view.Q.ShouldBeNull();
        CommitmentGridView.FromQuery(null, null, null, null, true, null, null, null, null, null, null, 2, 100).Query.ShouldBe("overdue=True&page=2&size=100");
    }

    [Fact]
    public void The_url_leaves_out_defaults_and_numbers_pages_from_one()
    {
        new CommitmentGridView { PageIndex = 1 }.Query.ShouldBe("page=2");
        new CommitmentGridView { PageSize = 25 }.Query.ShouldBe("");
        new CommitmentGridView { PageSize = 10, Sort = "-code" }.Query.ShouldBe("sort=-code&size=10");

        var parameters = new CommitmentGridView { Status = [LifecycleStatus.Fulfilled], Owner = "ana", PageIndex = 4, PageSize = 100 }.Parameters();
        parameters.Keys.ShouldBe(["status", "kind", "party", "meeting", "overdue", "openEnded", "q", "dueFrom", "dueTo", "owner", "sort", "page", "size"]);
        parameters["status"].ShouldBe(new[] { "Fulfilled" });
        (parameters["kind"], parameters["overdue"], parameters["dueFrom"], parameters["sort"]).ShouldBe((null, null, null, null));
        (parameters["owner"], parameters["page"], parameters["size"]).ShouldBe(("ana", (object?)5, (object?)100));
    }

    [Fact]
    public void The_filter_parameters_are_what_the_export_and_the_feed_take_without_sort_or_page()
    {
        var view = new CommitmentGridView
        {
            Kind = [CommitmentKind.Hub, CommitmentKind.Pledge],
            Party = "BY",
            Meeting = "NSK-2023",
            Overdue = true,
            Q = "trade",
            DueFrom = new DateOnly(2024, 1, 1),
            DueTo = new DateOnly(2024, 3, 31),
            Sort = "due",
            PageIndex = 2,
        };

        var parameters = view.FilterParameters();

        parameters.Keys.ShouldBe(["status", "kind", "party", "meeting", "overdue", "openEnded", "q", "dueFrom", "dueTo", "owner"]);
        parameters["status"].ShouldBeNull();
        parameters["kind"].ShouldBe(new[] { "Hub", "Pledge" });
        (parameters["party"], parameters["meeting"], parameters["overdue"], parameters["q"]).ShouldBe(("BY", "NSK-2023", (object?)true, "trade"));
        (parameters["dueFrom"], parameters["dueTo"], parameters["owner"]).ShouldBe(("2024-01-01", "2024-03-31", null));
    }

    [Fact]
    public void The_views_filter_is_the_query_the_grid_sends()
    {
        var view = new CommitmentGridView
        {
            Status = [LifecycleStatus.Stalled],
            Kind = [CommitmentKind.Hub],
            Party = "BY",
            Meeting = "NSK-2023",
            Overdue = true,
            Q = "trade",
            DueFrom = new DateOnly(2024, 1, 1),
            DueTo = new DateOnly(2024, 3, 31),
            Owner = "me",
        };

        var filter = view.Filter;

        filter.Status.ShouldBe([LifecycleStatus.Stalled]);
        filter.Kind.ShouldBe([CommitmentKind.Hub]);
        (filter.Party, filter.Meeting, filter.Overdue, filter.Q, filter.Owner).ShouldBe(("BY", "NSK-2023", (bool?)true, "trade", "me"));
        (filter.DueFrom, filter.DueTo, filter.AsOf).ShouldBe((new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31), (DateOnly?)null));

        // Not overdue is no criterion (the grid has no "only on time" switch), not "only the ones on time".
        var plain = new CommitmentGridView().Filter;
        plain.Overdue.ShouldBeNull();
        plain.HasNoCriteria().ShouldBeTrue();
    }

    [Fact]
    public void Two_views_are_the_same_when_they_make_the_same_url()
    {
        var typed = new CommitmentGridView { Status = [LifecycleStatus.Stalled], DueFrom = new DateOnly(2024, 1, 1) };
        var readBack = Read("dueFrom=2024-01-01&status=stalled");

        readBack.ShouldBe(typed);
        readBack.GetHashCode().ShouldBe(typed.GetHashCode());
        (readBack == typed).ShouldBeTrue();
        typed.Equals(typed with { PageIndex = 1 }).ShouldBeFalse();
        typed.Equals(null).ShouldBeFalse();
    }

    [Fact]
    public void A_changed_filter_starts_from_the_first_page_keeping_everything_else()
    {
        var view = new CommitmentGridView { Party = "BY", Sort = "-due", PageIndex = 3, PageSize = 50 };

        var first = view.FirstPage();

        first.PageIndex.ShouldBe(0);
        first.Query.ShouldBe("party=BY&sort=-due&size=50");
    }

    [Theory]
    [InlineData("me", true)]
    [InlineData("ME", true)]
    [InlineData("ana", false)]
    [InlineData(null, false)]
    public void My_commitments_are_the_view_owned_by_me(string? owner, bool mine) => new CommitmentGridView { Owner = owner }.Mine.ShouldBe(mine);
}
