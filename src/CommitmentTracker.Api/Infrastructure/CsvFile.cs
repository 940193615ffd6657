using System.Globalization;
using System.Text;
using CommitmentTracker.Application.Common;
using Microsoft.AspNetCore.Http;

namespace CommitmentTracker.Api.Infrastructure;

/// <summary>
/// Writes rows as RFC 4180 CSV straight to the response, flushing as it goes. Fields with quotes, commas or line
/// breaks are quoted; a field that a spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an
/// apostrophe, so an exported title can never execute in Excel.
/// </summary>
public static class CsvFile
{
    public static async Task WriteAsync<T>(HttpResponse response, string fileName, bool byteOrderMark, IReadOnlyList<CsvColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: byteOrderMark), bufferSize: 64 * 1024);
        await writer.WriteAsync(Line(columns.Select(c => c.Header)));
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(Line(columns.Select(c => c.Value(row))));
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
    }

    public static string Line(IEnumerable<object?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' && value is string)
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
