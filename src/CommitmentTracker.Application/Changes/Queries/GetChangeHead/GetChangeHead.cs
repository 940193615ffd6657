using CommitmentTracker.Application.Changes.Common;
using CommitmentTracker.Application.Changes.Queries.ListChanges;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace CommitmentTracker.Application.Changes.Queries.GetChangeHead;

/// <summary>
/// The change feed's head: the cursor of the last committed change. The cheap "anything new since?" question: a page
/// that keeps the head it last saw knows, by one indexed read, whether any commitment, meeting, status entry or
/// evidence file changed anywhere (another user, the API, another app instance) before it counts anything again.
/// </summary>
[Requires(Access.Read)]
public sealed record GetChangeHeadQuery : IQuery<ChangeHead>;

/// <summary><see cref="Cursor"/> is what <c>GET /changes?after=</c> takes: nothing new has committed when it has not moved.</summary>
public sealed record ChangeHead(string Cursor);

/// <summary>No input to check; declared so that every request has its validator.</summary>
public sealed class GetChangeHeadValidator : AbstractValidator<GetChangeHeadQuery>;

public sealed class GetChangeHeadHandler(IChangeLog log) : IQueryHandler<GetChangeHeadQuery, ChangeHead>
{
    public async ValueTask<ChangeHead> Handle(GetChangeHeadQuery query, CancellationToken cancellationToken) =>
        new(ChangeCursor.Format(await log.HeadAsync(FeedEntities.Types, cancellationToken)));
}
