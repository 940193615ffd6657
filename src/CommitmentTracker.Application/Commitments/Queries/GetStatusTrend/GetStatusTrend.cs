using CommitmentTracker.Application.Commitments.Common;
using CommitmentTracker.Application.Commitments.Queries.GetSummary;
using CommitmentTracker.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Commitments.Queries.GetStatusTrend;

/// <summary>
/// Counts by lifecycle status at the end of each of the <see cref="Months"/> months up to <see cref="To"/>
/// (default: this month), read from the status log — how the portfolio moved over time.
/// </summary>
public sealed record GetStatusTrendQuery(DateOnly? To = null, int Months = 12) : IQuery<IReadOnlyList<StatusTrendPoint>>;

public sealed record StatusTrendPoint(DateOnly Date, IReadOnlyList<CountByStatus> Counts);

public sealed class GetStatusTrendValidator : AbstractValidator<GetStatusTrendQuery>
{
    public GetStatusTrendValidator() => RuleFor(x => x.Months).InclusiveBetween(1, 36);
}

public sealed class GetStatusTrendHandler(IApplicationDbContext db, TimeProvider clock) : IQueryHandler<GetStatusTrendQuery, IReadOnlyList<StatusTrendPoint>>
{
    public async ValueTask<IReadOnlyList<StatusTrendPoint>> Handle(GetStatusTrendQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var to = query.To ?? today;
        var points = new List<StatusTrendPoint>(query.Months);
        for (var i = query.Months - 1; i >= 0; i--)
        {
            // Month ends, except the last point, which is the requested day itself.
            var month = new DateOnly(to.Year, to.Month, 1).AddMonths(-i);
            var day = i == 0 ? to : month.AddMonths(1).AddDays(-1);
            var counts = await db.Commitments.OnDay(db, day, today)
                .GroupBy(x => x.Status).Select(g => new CountByStatus(g.Key, g.Count()))
                .ToListAsync(cancellationToken);
            points.Add(new StatusTrendPoint(day, [.. counts.OrderBy(c => c.Status)]));
        }

        return points;
    }
}
