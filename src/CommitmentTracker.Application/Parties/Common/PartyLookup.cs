using CommitmentTracker.Application.Common;
using CommitmentTracker.Domain.Parties;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Parties;

internal static class PartyLookup
{
    /// <summary>The parent a draft names, or null; an unknown key is refused on the "parent" field.</summary>
    public static async Task<Party?> ParentAsync(this IApplicationDbContext db, string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var wanted = key.Trim().ToUpperInvariant();
        return await db.Parties.Include(p => p.Parent).FirstOrDefaultAsync(p => p.Key == wanted, ct)
            ?? throw Invalid.Field("parent", $"No party has the key '{wanted}'. GET /api/v1/parties lists the known parties.");
    }
}
