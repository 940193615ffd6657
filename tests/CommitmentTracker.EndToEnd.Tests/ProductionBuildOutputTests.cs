using System.Net;
using System.Text.RegularExpressions;
using CommitmentTracker.EndToEnd.Tests.Infrastructure;

namespace CommitmentTracker.EndToEnd.Tests;

/// <summary>
/// The Host started from its build output as Production (how the benchmarks and an operator trying a build start it)
/// serves the files the pages need. ASP.NET Core serves the framework's and libraries' files from the build output only
/// in Development, and answered the Blazor script with 200 and an empty body otherwise, so no page ever became
/// interactive and nothing said why. One Host serves every case: starting one costs more than all the requests.
/// </summary>
public sealed partial class ProductionBuildOutputTests(ProductionBuildOutputTests.ProductionHost host) : IClassFixture<ProductionBuildOutputTests.ProductionHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js", "text/javascript")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", "text/css")]
    public async Task The_build_output_run_as_Production_serves_the_pages_static_files(string path, string mediaType)
    {
        using var client = host.Process.CreateAnonymousClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(mediaType);
        body.Length.ShouldBeGreaterThan(1_000, $"{path} came back with {body.Length} characters");
    }

    /// <summary>
    /// The page links every script and style sheet by its fingerprinted URL, served as immutable: a browser keeps them
    /// and a new visit does not ask the server again for each (the plain URLs are served no-cache).
    /// </summary>
    [Fact]
    public async Task A_page_links_its_files_by_fingerprinted_urls_that_browsers_keep()
    {
        using var client = host.Process.CreateAnonymousClient();
        var page = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative), Ct);

        var links = LinkedFile().Matches(page).Select(m => m.Groups["url"].Value).ToList();

        links.Count.ShouldBe(6, $"the page links: {string.Join(", ", links)}");
        foreach (var link in links)
        {
            link.ShouldMatch(@"\.[a-z0-9]{10}\.(?:js|css|svg)$", "a fingerprinted URL: name.fingerprint.extension");
            using var response = await client.GetAsync(new Uri("/" + link, UriKind.Relative), Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, link);
            (await response.Content.ReadAsByteArrayAsync(Ct)).Length.ShouldBeGreaterThan(100, link);
            response.Headers.CacheControl?.ToString().ShouldBe("max-age=31536000, immutable", link);
        }
    }

    [GeneratedRegex(@"(?:href|src)=""(?<url>_(?:content|framework)/[^""]+)""")]
    private static partial Regex LinkedFile();

    /// <summary>The Host's build output started as Production, once for the class.</summary>
    public sealed class ProductionHost : IAsyncLifetime
    {
        public HostProcess Process { get; } = new("Production");

        public ValueTask InitializeAsync() => Process.InitializeAsync();

        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }
}
