using System.Text.Json;
using CommitmentTracker.Api.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommitmentTracker.Integration.Tests.Contract;

public sealed class ProblemExceptionHandlerTests
{
    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_without_internals()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = "GET";
        http.Request.Path = "/api/v1/commitments";
        http.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions()), NullLogger<ProblemExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(http, new InvalidOperationException("Connection string Server=secret;Password=hunter2 failed"), TestContext.Current.CancellationToken);

        handled.ShouldBeTrue();
        http.Response.StatusCode.ShouldBe(500);
        http.Response.ContentType.ShouldBe("application/problem+json");
        var body = System.Text.Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
        body.ShouldNotContain("hunter2");
        body.ShouldNotContain("InvalidOperationException");
        JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!.ShouldContain("trace id");
    }

    [Theory]
    [InlineData("Changes.Spans[0].End", "spans[0].end")]
    [InlineData("Filter.DueTo", "dueTo")]
    [InlineData("Entry.Rationale", "rationale")]
    [InlineData("Target.BaselineDate", "target.baselineDate")]
    [InlineData("Title", "title")]
    public void Field_names_match_what_the_client_sent(string property, string field) =>
        ProblemExceptionHandler.FieldName(property).ShouldBe(field);
}
