using CommitmentTracker.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// The layout's readiness marker (<c>data-circuit</c>), which users' first taps and every browser test wait for. On a
/// narrow screen the drawer is "open" but hidden by CSS until it has learnt the width and closed itself; a tap on the
/// menu button in between closed it instead of opening it (issue 12's sixth race). So the layout is ready only once it
/// knows the width and, when narrow, once the drawer is closed, whichever of the two the browser reports first.
/// </summary>
public class LayoutReadinessTests : MudTestContext
{
    private readonly ReportedViewport _viewport = new();

    public LayoutReadinessTests()
    {
        Services.AddSingleton<IBrowserViewportService>(_viewport);
        AddAuthorization().SetAuthorized("someone");
    }

    // The layout and the drawer subscribe separately, so the browser's first notice reaches them in either order.
    [Theory]
    [InlineData(true, Breakpoint.Xs)]
    [InlineData(false, Breakpoint.Sm)]
    public async Task On_a_narrow_screen_it_is_ready_only_once_it_knows_the_width_and_the_drawer_has_closed_itself(bool layoutHearsFirst, Breakpoint narrow)
    {
        var cut = RenderLayout();
        Marker(cut).ShouldBe("pending");

        await cut.InvokeAsync(() => layoutHearsFirst ? _viewport.ReportAsync<MainLayout>(narrow) : _viewport.ReportAsync<MudDrawer>(narrow));
        Marker(cut).ShouldBe("pending");

        await cut.InvokeAsync(() => layoutHearsFirst ? _viewport.ReportAsync<MudDrawer>(narrow) : _viewport.ReportAsync<MainLayout>(narrow));
        cut.WaitForAssertion(() => Marker(cut).ShouldBe("ready"));
        cut.Find(".mud-drawer").ClassList.ShouldContain("mud-drawer--closed");
    }

    [Fact]
    public async Task On_a_wide_screen_it_is_ready_as_soon_as_it_knows_the_width_with_the_drawer_open()
    {
        var cut = RenderLayout();

        await cut.InvokeAsync(() => _viewport.ReportAsync<MainLayout>(Breakpoint.Lg));

        cut.WaitForAssertion(() => Marker(cut).ShouldBe("ready"));
        cut.Find(".mud-drawer").ClassList.ShouldContain("mud-drawer--open");
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

    private static string? Marker(IRenderedComponent<MainLayout> cut) => cut.Find("[data-circuit]").GetAttribute("data-circuit");

    /// <summary>The browser's width, reported to one subscriber at a time as the real service's first notice is (on the renderer's dispatcher, as a JavaScript callback is).</summary>
    private sealed class ReportedViewport : IBrowserViewportService
    {
        private readonly List<IBrowserViewportObserver> _observers = [];

        public ResizeOptions ResizeOptions { get; } = new();

        public Task ReportAsync<TObserver>(Breakpoint breakpoint)
        {
            var observer = _observers.OfType<TObserver>().Cast<IBrowserViewportObserver>().Single();
            return observer.NotifyBrowserViewportChangeAsync(new BrowserViewportEventArgs(observer.Id, new BrowserWindowSize { Width = breakpoint >= Breakpoint.Md ? 1366 : 390, Height = 800 }, breakpoint, isImmediate: true));
        }

        public Task SubscribeAsync(IBrowserViewportObserver observer, bool fireImmediately = true)
        {
            _observers.Add(observer);
            return Task.CompletedTask;
        }

        public Task SubscribeAsync(Guid observerId, Action<BrowserViewportEventArgs> lambda, ResizeOptions? options = null, bool fireImmediately = true) => Task.CompletedTask;

        public Task SubscribeAsync(Guid observerId, Func<BrowserViewportEventArgs, Task> lambda, ResizeOptions? options = null, bool fireImmediately = true) => Task.CompletedTask;

        public Task UnsubscribeAsync(IBrowserViewportObserver observer)
        {
            _observers.Remove(observer);
            return Task.CompletedTask;
        }

        public Task UnsubscribeAsync(Guid observerId) => Task.CompletedTask;

        public Task<bool> IsMediaQueryMatchAsync(string mediaQuery) => Task.FromResult(false);

        public Task<bool> IsBreakpointWithinWindowSizeAsync(Breakpoint breakpoint) => Task.FromResult(false);

        public Task<bool> IsBreakpointWithinReferenceSizeAsync(Breakpoint breakpoint, Breakpoint reference) => Task.FromResult(false);

        public Task<Breakpoint> GetCurrentBreakpointAsync() => Task.FromResult(Breakpoint.None);

        public Task<BrowserWindowSize> GetCurrentBrowserWindowSizeAsync() => Task.FromResult(new BrowserWindowSize());

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
