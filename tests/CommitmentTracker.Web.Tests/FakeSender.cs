using Mediator;

namespace CommitmentTracker.Web.Tests;

/// <summary>
/// Stands in for Mediator's generated sender: records what a component sends and answers through
/// <see cref="Handler"/>. Only the request-shaped sends have behaviour; streams and untyped sends are not used by the UI.
/// </summary>
internal sealed class FakeSender : ISender
{
    public List<object> Sent { get; } = [];

    public Func<object, Task<object?>> Handler { get; set; } = _ => throw new InvalidOperationException("No response was set up.");

    public void Returns(object? response) => Handler = _ => Task.FromResult(response);

    public void Throws(Exception exception) => Handler = _ => Task.FromException<object?>(exception);

    public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        Answer<TResponse>(request);

    public ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default) =>
        Answer<TResponse>(command);

    public ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default) =>
        Answer<TResponse>(query);

    public ValueTask<object?> Send(object message, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamQuery<TResponse> query, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamRequest<TResponse> request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<TResponse> CreateStream<TResponse>(IStreamCommand<TResponse> command, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public IAsyncEnumerable<object?> CreateStream(object message, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    private async ValueTask<TResponse> Answer<TResponse>(object message)
    {
        Sent.Add(message);
        return (TResponse)(await Handler(message))!;
    }
}
