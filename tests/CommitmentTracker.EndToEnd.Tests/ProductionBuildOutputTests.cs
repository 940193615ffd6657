using System.Net;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// The Host started from its build output as Production (how the benchmarks and an operator trying a build start it)
/// serves the files the pages need. ASP.NET Core serves the framework's and libraries' files from the build output only
/// in Development, and answered the Blazor script with 200 and an empty body otherwise, so no page ever became
/// interactive and nothing said why.
/// </summary>
public sealed class ProductionBuildOutputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js", "text/javascript")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", "text/css")]
    public async Task The_build_output_run_as_Production_serves_the_pages_static_files(string path, string mediaType)
    {
        await using var host = new HostProcess("Production");
        await host.InitializeAsync();
        using var client = host.CreateAnonymousClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(mediaType);
        body.Length.ShouldBeGreaterThan(1_000, $"{path} came back with {body.Length} characters");
    }
}
