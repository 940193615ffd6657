using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CommitmentTracker.Integration.Tests.Infrastructure;

public static class HttpAssertions
{
    public static async Task<T> ShouldBeJsonAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        // A missing Content-Type is a fault too: a null header must not skip the check.
        response.Content.Headers.ContentType.ShouldNotBeNull("the response has no Content-Type").MediaType.ShouldBe("application/json");
        return JsonSerializer.Deserialize<T>(body, AppFactory.Json)!;
    }

    /// <summary>Asserts an RFC 9457 problem with the status; returns the parsed document.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType.ShouldNotBeNull("the problem has no Content-Type").MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        body.ShouldNotContain("   at ", customMessage: "a stack trace leaked");
        return problem;
    }

    /// <summary>Asserts a 400 whose errors name <paramref name="field"/>; returns that field's messages.</summary>
    public static async Task<string[]> ShouldBeInvalidAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).ShouldBeTrue($"expected an error for '{field}' in {errors}");
        var texts = messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
        texts.ShouldAllBe(t => !string.IsNullOrWhiteSpace(t));
        return texts;
    }

    public static async Task<T> ShouldBeJsonAsync<T>(this Task<HttpResponseMessage> response, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await response).ShouldBeJsonAsync<T>(expected);

    public static async Task<JsonElement> ShouldBeProblemAsync(this Task<HttpResponseMessage> response, HttpStatusCode expected) =>
        await (await response).ShouldBeProblemAsync(expected);

    public static async Task<string[]> ShouldBeInvalidAsync(this Task<HttpResponseMessage> response, string field) =>
        await (await response).ShouldBeInvalidAsync(field);

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, AppFactory.Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: AppFactory.Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
