using System.Linq.Expressions;
using CommitmentTracker.Domain.Commitments;
using CommitmentTracker.Domain.Meetings;
using CommitmentTracker.Domain.Parties;
using Microsoft.EntityFrameworkCore;

namespace CommitmentTracker.Application.Common;

/// <summary>Finds aggregates by id or by their human-readable code, so URLs can say /commitments/NSK-2023-004.</summary>
public static class Lookup
{
    // Codes are stored upper-case, so the key is normalised once here rather than compared case-insensitively in SQL.
    public static Expression<Func<Commitment, bool>> CommitmentKey(string idOrCode)
    {
        var code = Code(idOrCode);
        return Guid.TryParse(idOrCode, out var id) ? c => c.Id == id : c => c.Code == code;
    }

    public static Expression<Func<Meeting, bool>> MeetingKey(string idOrCode)
    {
        var code = Code(idOrCode);
        return Guid.TryParse(idOrCode, out var id) ? m => m.Id == id : m => m.Code == code;
    }

    /// <summary>What a key names, one spelling per thing: an id in its standard form, or a code as stored.</summary>
    public static string Canonical(string idOrCode) => Guid.TryParse(idOrCode, out var id) ? id.ToString("D") : Code(idOrCode);

    private static string Code(string idOrCode) => idOrCode.Trim().ToUpperInvariant();

    public static async Task<Meeting> MeetingAsync(this IApplicationDbContext db, string idOrCode, CancellationToken ct, bool includeDocuments = false)
    {
        var query = includeDocuments ? db.Meetings.Include(m => m.Documents) : db.Meetings.AsQueryable();
        return await query.FirstOrDefaultAsync(MeetingKey(idOrCode), ct) ?? throw new NotFoundException("Meeting", idOrCode);
    }

    /// <summary>Resolves party keys to parties; an unknown key is a validation error on the field it came from.</summary>
    public static async Task<Dictionary<string, Party>> PartiesAsync(this IApplicationDbContext db, IEnumerable<(string Field, string Key)> references, CancellationToken ct)
    {
        var wanted = references.Select(r => (r.Field, Key: r.Key.Trim().ToUpperInvariant())).ToList();
        var keys = wanted.Select(w => w.Key).Distinct().ToList();
        var found = await db.Parties.Where(p => keys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, ct);
        var missing = wanted.FirstOrDefault(w => !found.ContainsKey(w.Key));
        return missing.Key is null
            ? found
            : throw Invalid.Field(missing.Field, $"No party has the key '{missing.Key}'. GET /api/v1/parties lists the known parties.");
    }
}
