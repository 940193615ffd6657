using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Application.Import.Commands.DecideCandidate;
using CommitmentTracker.Application.Tests.Ledger;
using CommitmentTracker.Domain.Commitments;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Application.Tests.Commitments;

/// <summary>
/// The public helpers the handlers share (and the Web project calls) refuse a missing argument by its name, before
/// doing anything with the others: an <see cref="ArgumentNullException"/> naming it, not a
/// <see cref="NullReferenceException"/> from deep inside, or a quiet answer when the argument happens not to be read.
/// </summary>
public sealed class ArgumentGuardTests : IAsyncLifetime
{
    private static readonly IQueryable<Commitment> NoCommitments = Array.Empty<Commitment>().AsQueryable();
    private static readonly DateOnly Day = new(2024, 2, 1);

    private static readonly Dictionary<string, (string Parameter, Func<IServiceProvider, Task> Call)> Calls = new()
    {
        ["TargetInput.From"] = ("target", _ => Run(() => TargetInput.From(null!))),
        ["CommitmentDraft.From"] = ("commitment", _ => Run(() => CommitmentDraft.From(null!))),
        ["DueWindowDto.From"] = ("due", _ => Run(() => DueWindowDto.From(null!))),
        ["ResolveOwnerAsync"] = ("users", _ => ((IUserDirectory)null!).ResolveOwnerAsync("ana", "owner", CancellationToken.None)),
        ["ForActor, no filter"] = ("filter", s => Run(() => ((CommitmentFilter)null!).ForActor(s.GetRequiredService<ICurrentActor>()))),
        // A filter without owner=me never reads the actor: only the guard refuses it.
        ["ForActor, no actor"] = ("actor", _ => Run(() => new CommitmentFilter().ForActor(null!))),
        ["Matching, no database"] = ("db", _ => Run(() => ((IApplicationDbContext)null!).Matching(new CommitmentFilter(), Day))),
        ["Matching, no filter"] = ("filter", s => Run(() => s.GetRequiredService<IApplicationDbContext>().Matching(null!, Day))),
        ["Apply, no filter"] = ("filter", s => Run(() => NoCommitments.Apply(null!, s.GetRequiredService<IApplicationDbContext>(), Day))),
        // An empty filter never reads the database: only the guard refuses it.
        ["Apply, no database"] = ("db", _ => Run(() => NoCommitments.Apply(new CommitmentFilter(), null!, Day))),
        ["DuePageAsync, no reader"] = ("read", _ => NoCommitments.DuePageAsync<Commitment>(null!, null, "due", 10, null!, CancellationToken.None)),
        ["AfterAsync, no database"] = ("db", _ => NoCommitments.AfterAsync(null!, "NSK-2023-001", null, CancellationToken.None)),
        ["BoundedCountAsync, no database"] = ("db", _ => NoCommitments.BoundedCountAsync(null!, new CommitmentFilter(), Day, CancellationToken.None)),
        ["BoundedCountAsync, no filter"] = ("filter", s => NoCommitments.BoundedCountAsync(s.GetRequiredService<IApplicationDbContext>(), null!, Day, CancellationToken.None)),
        ["DashboardSubject.DayOf"] = ("entry", _ => Run(() => DashboardSubject.DayOf(null!))),
        ["DashboardSubject.Of"] = ("commitment", _ => Run(() => DashboardSubject.Of(null!, [], []))),
        // An iterator: the guard runs when the contribution is read.
        ["DashboardContribution.Of"] = ("subject", _ => Run(() => DashboardContribution.Of(null!).ToList())),
        ["SummaryRecount.CountAsync"] = ("db", _ => SummaryRecount.CountAsync(null!, Day, Day, CancellationToken.None)),
        ["CandidateDraft.From"] = ("candidate", _ => Run(() => CandidateDraft.From(null!))),
        ["CandidateDraft.Missing"] = ("candidate", _ => Run(() => CandidateDraft.Missing(null!))),
    };

    private TestLedger _ledger = null!;

    public static TheoryData<string> CallNames => new(Calls.Keys);

    public async ValueTask InitializeAsync() => _ledger = await TestLedger.CreateAsync();

    public async ValueTask DisposeAsync() => await _ledger.DisposeAsync();

    [Theory]
    [MemberData(nameof(CallNames))]
    public async Task A_missing_argument_is_refused_by_its_name(string call)
    {
        var (parameter, run) = Calls[call];

        var ex = await _ledger.InScopeAsync(services => Should.ThrowAsync<ArgumentNullException>(() => run(services)));

        ex.ParamName.ShouldBe(parameter);
    }

    private static Task Run(Func<object> call)
    {
        try
        {
            call();
            return Task.CompletedTask;
        }
        catch (ArgumentNullException ex)
        {
            return Task.FromException(ex);
        }
    }
}
