using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommitmentTracker.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Ledger data a browser test makes for itself over the API as the administrator, before it drives the page, and how
/// it reads back what the page saved. Each test works on codes no other test uses, so tests run side by side.
/// </summary>
public static class LedgerData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A code no other test uses: the prefix names the test family, e.g. <c>DRF-1A2B3C4D</c>.</summary>
    public static string UniqueCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    /// <summary>A meeting with one English record holding <paramref name="text"/>.</summary>
    public static async Task RecordMeetingAsync(this HostProcess host, string code, string text, string title = "Talks", string date = "2023-10-10", object[]? participants = null)
    {
        using var client = host.CreateClient();
        using var created = await client.PostAsJsonAsync(new Uri("/api/v1/meetings", UriKind.Relative), new
        {
            code,
            title,
            date,
            place = "Minsk",
            format = "Talks",
            participants,
            document = new { title = "Record", language = "en", text },
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A commitment quoting <paramref name="quote"/> from the meeting's record, issued by Belarus; returns its code.</summary>
    public static async Task<string> CaptureAsync(this HostProcess host, string meeting, string quote, string title, string kind, string? due = null, object[]? responsibilities = null)
    {
        using var client = host.CreateClient();
        using var captured = await client.PostAsJsonAsync(new Uri("/api/v1/commitments", UriKind.Relative), new
        {
            meeting,
            title,
            kind,
            issuer = "BY",
            due,
            responsibilities,
            spans = new[] { new { quote } },
        }, Ct);
        captured.StatusCode.ShouldBe(HttpStatusCode.Created, await captured.Content.ReadAsStringAsync(Ct));
        return JsonDocument.Parse(await captured.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString()!;
    }

    /// <summary>A meeting of its own with one record and one commitment quoting all of it; returns the commitment's code.</summary>
    public static async Task<string> CaptureOnNewMeetingAsync(this HostProcess host, string prefix, string text, string title, string kind, string? due = null, string date = "2023-10-10")
    {
        var meeting = UniqueCode(prefix);
        await host.RecordMeetingAsync(meeting, text, $"Talks: {title}", date);
        return await host.CaptureAsync(meeting, text, title, kind, due);
    }

    /// <summary>
    /// Records a status entry over the API, as a colleague would (signed in as the administrator) or, given an API key,
    /// as another system would.
    /// </summary>
    public static async Task RecordStatusAsync(this HostProcess host, string code, string status, string rationale, string? apiKey = null)
    {
        using var client = apiKey is null ? host.CreateClient() : host.CreateAnonymousClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        using var recorded = await client.PostAsJsonAsync(new Uri($"/api/v1/commitments/{code}/status-history", UriKind.Relative), new { status, rationale }, Ct);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Issues an API key with the read and write scopes, as an administrator does for another system; returns the key text.</summary>
    public static async Task<string> IssueApiKeyAsync(this HostProcess host, string name)
    {
        using var administrator = host.CreateClient();
        using var issued = await administrator.PostAsJsonAsync(new Uri("/api/v1/api-keys", UriKind.Relative), new { name = $"{name} {Guid.NewGuid():N}", scopes = new[] { "read", "write" } }, Ct);
        var body = await issued.Content.ReadAsStringAsync(Ct);
        issued.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>Imports <paramref name="text"/> as the record of a new meeting in Minsk (Belarus host, Russia guest), so its review page has proposals.</summary>
    public static async Task ImportAsync(this HostProcess host, string code, string text)
    {
        using var client = host.CreateClient();
        using var imported = await client.PostAsJsonAsync(new Uri("/api/v1/imports", UriKind.Relative), new
        {
            code,
            title = "Talks in Minsk",
            date = "2024-03-01",
            place = "Minsk",
            participants = new[] { new { party = "BY", role = "Host" }, new { party = "RU", role = "Guest" } },
            text,
        }, Ct);
        imported.StatusCode.ShouldBe(HttpStatusCode.Created, await imported.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Registers a party the way the party page would.</summary>
    public static async Task RegisterPartyAsync(this HostProcess host, object party)
    {
        using var client = host.CreateClient();
        using var registered = await client.PostAsJsonAsync(new Uri("/api/v1/parties", UriKind.Relative), party, Ct);
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A commitment as the API has it now.</summary>
    public static Task<JsonElement> CommitmentAsync(this HostProcess host, string code) => host.ReadAsync($"/api/v1/commitments/{code}");

    /// <summary>A meeting as the API has it now.</summary>
    public static Task<JsonElement> MeetingAsync(this HostProcess host, string code) => host.ReadAsync($"/api/v1/meetings/{code}");

    /// <summary>Any API resource as JSON, read as the administrator.</summary>
    public static Task<JsonElement> ReadJsonAsync(this HostProcess host, string path) => host.ReadAsync(path);

    private static async Task<JsonElement> ReadAsync(this HostProcess host, string path)
    {
        using var client = host.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct)).RootElement.Clone();
    }
}
