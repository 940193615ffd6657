using System.Globalization;
using System.IO.Compression;
using System.Net;
using CommitmentTracker.Application.Commitments.Commands.CreateCommitment;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Meetings.Commands.CreateMeeting;
using CommitmentTracker.Application.Meetings.Common;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Integration.Tests.Infrastructure;
using MiniExcelLibs;

namespace CommitmentTracker.Integration.Tests.Export;

/// <summary>
/// The XLSX export is the CSV export in another format: read back with a different library (MiniExcel), every cell
/// equals the CSV's for the same query, columns and order.
/// </summary>
public abstract class XlsxExportTests(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sort=code")]
    [InlineData("kind=CulturalEvent&sort=-due&columns=dueLatest&columns=CODE&columns=status&columns=updatedAt")]
    [InlineData("meeting=XLSX-RU")]
    public async Task Holds_the_same_rows_and_cells_as_the_csv_for_the_same_query(string query)
    {
        var client = app.Api();
        await CaptureAWordyCommitmentAsync(client);

        var csv = CsvExportTests.Parse(await client.GetStringAsync($"/api/v1/commitments/export.csv?{query}", Ct));
        var response = await client.GetAsync($"/api/v1/commitments/export.xlsx?{query}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldMatch(@"^commitments-\d{8}\.xlsx$");
        var xlsx = Read(await response.Content.ReadAsByteArrayAsync(Ct));

        csv.Count.ShouldBeGreaterThan(1);
        xlsx.Count.ShouldBe(csv.Count);
        for (var i = 0; i < csv.Count; i++)
        {
            xlsx[i].ShouldBe(csv[i].Select(Undefused).ToArray(), $"row {i}");
        }
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_is_a_text_cell_and_days_are_date_cells()
    {
        var client = app.Api();
        await CaptureAWordyCommitmentAsync(client);

        var bytes = await client.GetByteArrayAsync("/api/v1/commitments/export.xlsx?meeting=XLSX-RU&columns=title&columns=meetingDate", Ct);

        Read(bytes)[1][0].ShouldBe("=HYPERLINK(\"http://x\")");
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync(Ct);
        xml.ShouldNotContain("<f>", Case.Sensitive, "no cell may hold a formula");
        var row = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        row["meetingDate"].ShouldBe(new DateTime(2024, 5, 2));
    }

    [Theory]
    [InlineData("status=Nope", "status")]
    [InlineData("columns=password", "columns[0]")]
    [InlineData("dueFrom=2024-06-01&dueTo=2024-01-01", "dueTo")]
    public async Task Bad_filters_are_a_problem_not_a_file(string query, string field) =>
        await app.Api().GetAsync($"/api/v1/commitments/export.xlsx?{query}", Ct).ShouldBeInvalidAsync(field);

    private static async Task CaptureAWordyCommitmentAsync(HttpClient client)
    {
        if ((await client.GetAsync("/api/v1/meetings/XLSX-RU", Ct)).StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        const string text = "Стороны договорились о поставках \"автобусов\", трамваев.\nВторая строка.";
        await client.PostJsonAsync("/api/v1/meetings", new CreateMeetingCommand
        {
            Code = "XLSX-RU",
            Title = "Встреча",
            Date = new DateOnly(2024, 5, 2),
            Place = "Минск",
            Document = new DocumentInput("Запись", null, "ru", text, null),
        }).ShouldBeJsonAsync<MeetingDetailDto>(HttpStatusCode.Created);
        await client.PostJsonAsync("/api/v1/commitments", new CreateCommitmentCommand
        {
            Meeting = "XLSX-RU",
            Title = "=HYPERLINK(\"http://x\")",
            Summary = "Поставки \"автобусов\", трамваев;\nвторая строка",
            Kind = CommitmentKind.Cooperation,
            Issuer = "BY",
            Spans = [new SpanInput(null, null, null, text)],
        }).ShouldBeJsonAsync<CommitmentDetailDto>(HttpStatusCode.Created);
    }

    // Every cell as the CSV writes it: days as yyyy-MM-dd, times as UTC to the second, the rest as text.
    private static List<string[]> Read(byte[] xlsx)
    {
        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
        var headers = rows[0].Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray();
        return [.. rows.Select(r => r.Values.Select((v, i) => Text(v, headers[i])).ToArray())];
    }

    private static string Text(object? value, string header) => value switch
    {
        null => "",
        DateTime t when header == "updatedAt" => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // The CSV puts an apostrophe before text a spreadsheet would run as a formula; the XLSX has no need to.
    private static string Undefused(string field) =>
        field.Length > 1 && field[0] == '\'' && field[1] is '=' or '+' or '-' or '@' ? field[1..] : field;
}

public sealed class SqliteXlsxExportTests(SqliteAppFactory app) : XlsxExportTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlXlsxExportTests(PostgreSqlAppFactory app) : XlsxExportTests(app), IClassFixture<PostgreSqlAppFactory>;
