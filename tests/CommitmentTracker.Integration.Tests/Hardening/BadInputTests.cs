using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Hardening;

/// <summary>
/// Issue 14, items 4 and 6: input that got a 500 (or was silently misread) is a 400 naming the field, and the
/// data stays as it was.
/// </summary>
public sealed class BadInputTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_with_only_the_file_part_is_a_400_naming_the_missing_fields()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("The sides agreed to hold a trade fair in 2025."));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "record.txt");

        var problem = await app.Api().PostAsync("/api/v1/imports/file", form, Ct).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("code", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("date", out _).ShouldBeTrue(errors.ToString());
    }

    [Theory]
    [InlineData("/api/v1/candidates/not-a-guid/accept", HttpStatusCode.NotFound, "No operation answers POST /api/v1/candidates/not-a-guid/accept")]
    [InlineData("/api/v1/commitmnets", HttpStatusCode.MethodNotAllowed, "No POST operation answers /api/v1/commitmnets")]
    [InlineData("/api/v1/summary", HttpStatusCode.MethodNotAllowed, "No POST operation answers /api/v1/summary")]
    [InlineData("/api/v1/commitmnets", HttpStatusCode.NotFound, "No operation answers GET /api/v1/commitmnets", "GET")]
    public async Task A_request_no_operation_answers_says_what_was_asked_and_where_the_operations_are(string path, HttpStatusCode status, string detail, string method = "POST")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : Json("{}") };
        var problem = await (await app.Api().SendAsync(request, Ct)).ShouldBeProblemAsync(status);

        var said = problem.GetProperty("detail").GetString().ShouldNotBeNull();
        said.ShouldStartWith(detail);
        said.ShouldContain("/api/reference");
    }

    [Fact]
    public async Task An_import_with_null_text_is_a_400()
    {
        await app.Api().PostAsync("/api/v1/imports", Json("""{"code":"NULL-TEXT","title":"T","date":"2024-03-01","place":"Minsk","text":null}"""), Ct)
            .ShouldBeInvalidAsync("text");
    }

    [Fact]
    public async Task A_status_append_without_a_status_is_refused_not_recorded_as_captured()
    {
        var before = await HistoryAsync("NSK-2023-011");

        var messages = await app.Api().PostAsync("/api/v1/commitments/NSK-2023-011/status-history", Json("""{"rationale":"No status given."}"""), Ct)
            .ShouldBeInvalidAsync("status");

        messages[0].ShouldContain("required");
        (await HistoryAsync("NSK-2023-011")).ShouldBe(before, "nothing was recorded");
    }

    [Theory]
    [InlineData("/api/v1/commitments?page=2147483647")]
    [InlineData("/api/v1/commitments?page=2147483647&pageSize=200")]
    [InlineData("/api/v1/meetings?page=2147483647")]
    [InlineData("/api/v1/overdue?page=2147483647")]
    [InlineData("/api/v1/audit?page=2147483647")]
    public async Task A_page_number_so_large_that_the_offset_overflows_is_a_400_not_page_one(string url)
    {
        (await app.Api().GetAsync(url, Ct).ShouldBeInvalidAsync("page"))[0].ShouldContain($"{ValidationRules.MaxPage}");
    }

    [Theory]
    [InlineData("/api/v1/summary?asOf=9999-12-31", "asOf")]
    [InlineData("/api/v1/summary?asOf=0001-01-01", "asOf")]
    [InlineData("/api/v1/summary/trend?asOf=0001-01-01&months=12", "asOf")]
    [InlineData("/api/v1/summary/trend?asOf=9999-12-31", "asOf")]
    public async Task A_day_at_the_edge_of_the_calendar_is_a_400_not_an_overflow(string url, string field)
    {
        // Found by the OpenAPI fuzz test: "due within 90 days" of 9999-12-31 overflowed DateOnly (500).
        (await app.ApiAs(Roles.Viewer).GetAsync(url, Ct).ShouldBeInvalidAsync(field))[0].ShouldContain("1900-01-01");
    }

    [Fact]
    public async Task A_deadline_on_the_calendars_last_day_is_saved_and_is_never_overdue()
    {
        // Found by the OpenAPI fuzz test: the dashboard projection asked for the day after 9999-12-31 (500).
        var created = await app.Api().PostJsonAsync("/api/v1/commitments", new
        {
            meeting = "NSK-2023",
            title = "Keep the archive of the talks for all time",
            kind = "Cooperation",
            modality = "Tentative",
            issuer = "BY",
            due = "9999-12-31",
            spans = new[] { new { quote = "There are plenty of directions and opportunities for mutually beneficial cooperation." } },
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);

        created.Due.ShouldNotBeNull().Latest.ShouldBe(DateOnly.MaxValue);
        created.IsOverdue.ShouldBeFalse();
        (await app.Api().GetAsync("/api/v1/summary", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/api/v1/commitments?page=51&pageSize=200")]
    [InlineData("/api/v1/overdue?page=401")]
    public async Task A_page_past_the_offset_bound_is_a_400_that_names_after(string url)
    {
        // Offset pages stop at the first 10,000 rows (decision 0023); the message says how to read on.
        (await app.ApiAs(Roles.Viewer).GetAsync(url, Ct).ShouldBeInvalidAsync("page"))[0].ShouldContain("after=");
    }

    [Fact]
    public async Task The_last_page_within_the_offset_bound_is_an_empty_page()
    {
        var page = await app.ApiAs(Roles.Viewer).GetAsync("/api/v1/commitments?page=50&pageSize=200", Ct)
            .ShouldBeJsonAsync<PagedResult<CommitmentSummaryDto>>();

        page.Items.ShouldBeEmpty();
        page.TotalCount.ShouldBeGreaterThan(0);
        page.TotalIsEstimate.ShouldBeFalse();
    }

    private async Task<int> HistoryAsync(string code) =>
        (await app.Api().GetAsync($"/api/v1/commitments/{code}/status-history", Ct).ShouldBeJsonAsync<List<StatusEntryDto>>()).Count;

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
