using System.Globalization;
using CommitmentTracker.Application.Common;
using Microsoft.AspNetCore.Http;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace CommitmentTracker.Api.Infrastructure;

/// <summary>
/// Writes rows as one XLSX worksheet, row by row (SpreadCheetah writes forward only; a million rows never sit in
/// memory), to a temporary file that is then sent. The same columns as the CSV (<see cref="CsvColumn{TRow}"/>), with days and times as real dates so a
/// spreadsheet sorts and filters them. Text is written as text cells, never as formulas, so nothing in a title can run.
/// </summary>
public static class XlsxFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Excel refuses to open a workbook with a longer cell; a longer text is cut to this length.</summary>
    public const int MaxCellLength = 32_767;

    public static async Task WriteAsync<T>(HttpResponse response, string fileName, string sheetName, IReadOnlyList<CsvColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        // The workbook is a zip, and closing a zip entry writes synchronously, which Kestrel refuses on the response
        // body. So it is written row by row to a temporary file (memory stays bounded at any size; the file goes when
        // closed), then sent with its length.
        await using var buffer = new FileStream(Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await WriteWorkbookAsync(buffer, sheetName, columns, rows, ct);

        response.ContentType = ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, ct);
    }

    private static async Task WriteWorkbookAsync<T>(Stream stream, string sheetName, IReadOnlyList<CsvColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, null, ct);
        await spreadsheet.StartWorksheetAsync(sheetName, new WorksheetOptions { FrozenRows = 1 }, ct);
        var styles = new Styles(
            spreadsheet.AddStyle(new Style { Font = { Bold = true } }),
            spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") }),
            spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm:ss") }));

        var cells = new Cell[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            cells[i] = new Cell(columns[i].Header, styles.Header);
        }

        await spreadsheet.AddRowAsync(cells, ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                cells[i] = CellOf(columns[i].Value(row), styles);
            }

            await spreadsheet.AddRowAsync(cells, ct);
        }

        await spreadsheet.FinishAsync(ct);
    }

    private static Cell CellOf(object? value, Styles styles) => value switch
    {
        null => new Cell(),
        string text => new Cell(text.Length > MaxCellLength ? text[..MaxCellLength] : text),
        DateOnly day => new Cell(day.ToDateTime(TimeOnly.MinValue), styles.Day),
        // UTC to the second, as the CSV writes it ("...Z"): a spreadsheet has no zone, so the column is UTC by convention.
        DateTimeOffset time => new Cell(new DateTime(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc), styles.Time),
        int number => new Cell(number),
        long number => new Cell(number),
        decimal number => new Cell(number),
        double number => new Cell(number),
        bool flag => new Cell(flag),
        Enum e => new Cell(e.ToString()),
        IFormattable f => new Cell(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => new Cell(value.ToString()),
    };

    private sealed record Styles(StyleId Header, StyleId Day, StyleId Time);
}
