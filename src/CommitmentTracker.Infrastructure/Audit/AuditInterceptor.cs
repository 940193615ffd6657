using System.Text.Json;
using System.Text.Json.Serialization;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Domain.Accounts;
using CommitmentTracker.Domain.Audit;
using CommitmentTracker.Domain.Webhooks;
using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommitmentTracker.Infrastructure.Audit;

/// <summary>
/// Adds an <see cref="AuditRecord"/> for every created, updated or deleted entity to the same SaveChanges, so the
/// record commits (or fails) with the change itself. Secrets are never copied: their fields show only that they
/// changed.
/// </summary>
internal sealed class AuditInterceptor(ICurrentActor actor, TimeProvider clock, BulkWrite bulk) : SaveChangesAddition
{
    private const int MaxValueLength = 2_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", nameof(ApiKey.SecretHash), "Secret", "SecretProtected", "TokenHash",
    };

    private static readonly string[] KeyProperties = ["Code", "UserName", "Name"];

    // Bookkeeping that changes on reads, not decisions anyone made.
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal) { nameof(ApiKey.LastUsedAt) };

    // Keys, and webhook delivery bookkeeping (which keeps its own attempt log), are not decisions anyone made.
    protected override void Add(DbContext context)
    {
        var now = clock.GetUtcNow();
        var principal = actor.Principal;
        if (bulk.IsActive)
        {
            if (BatchRecord(context, now, principal, bulk.Description!) is { } record)
            {
                context.Add(record);
            }

            return;
        }

        var records = new List<AuditRecord>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditRecord or DataProtectionKey or OutboxEvent or WebhookDelivery or DeliveryAttempt or OverdueNotice
                || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            records.Add(new AuditRecord(now, principal.ActorId(), principal.DisplayName(), EntityName(entry), EntityId(entry), EntityKey(context, entry), Operation(entry.State), JsonSerializer.Serialize(changes, Json)));
        }

        context.AddRange(records);
    }

    // One record for the whole save: the rows it adds counted by type, and the first and last code among them.
    public static AuditRecord? BatchRecord(DbContext context, DateTimeOffset now, System.Security.Claims.ClaimsPrincipal principal, string description)
    {
        ArgumentNullException.ThrowIfNull(context);
        return BatchRecord(context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => (e.Metadata, e.Entity)), now, principal, description);
    }

    /// <summary>
    /// The same record for rows written without the change tracker (the generator's bulk path): each new object with
    /// its entity type. Codes are read from the objects through the model, as from tracked entries.
    /// </summary>
    public static AuditRecord? BatchRecord(IEnumerable<(IEntityType Type, object Entity)> added, DateTimeOffset now, System.Security.Claims.ClaimsPrincipal principal, string description)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(principal);
        var rows = added.Where(e => e.Entity is not (AuditRecord or OutboxEvent)).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var codes = rows.Select(e => e.Type.FindProperty("Code")?.GetGetter().GetClrValueUsingContainingEntity(e.Entity) as string).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var counts = rows.GroupBy(e => EntityName(e.Type)).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (object?)g.Count());
        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal) { ["Description"] = new(null, description) };
        foreach (var (type, count) in counts)
        {
            changes[type] = new FieldChange(null, count);
        }

        var range = codes.Count == 0 ? string.Empty : $"{codes[0]}..{codes[^1]}";
        return new AuditRecord(now, principal.ActorId(), principal.DisplayName(), "BulkLoad", range, range, AuditOperation.Created, JsonSerializer.Serialize(changes, Json));
    }

    private static Dictionary<string, FieldChange> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Noise.Contains(name))
            {
                continue;
            }

            var (old, @new) = entry.State switch
            {
                EntityState.Added => (null, property.CurrentValue),
                EntityState.Deleted => (property.OriginalValue, null),
                _ => (property.OriginalValue, property.CurrentValue),
            };
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(old, @new)))
            {
                continue;
            }

            changes[name] = Secret.Contains(name)
                ? new FieldChange(old is null ? null : "(secret)", @new is null ? null : "(secret)")
                : new FieldChange(Shorten(old), Shorten(@new));
        }

        return changes;
    }

    private static object? Shorten(object? value) =>
        value is string { Length: > MaxValueLength } text ? string.Concat(text.AsSpan(0, MaxValueLength), $"… ({text.Length} characters)") : value;

    private static AuditOperation Operation(EntityState state) => state switch
    {
        EntityState.Added => AuditOperation.Created,
        EntityState.Deleted => AuditOperation.Deleted,
        _ => AuditOperation.Updated,
    };

    /// <summary>"Commitment", "StatusEntry", and "User"/"UserRole" rather than Identity's generic CLR names.</summary>
    private static string EntityName(EntityEntry entry) => EntityName(entry.Metadata);

    private static string EntityName(IEntityType entityType)
    {
        var type = entityType.ClrType;
        if (type == typeof(Dictionary<string, object>))
        {
            return entityType.ShortName();
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        name = tick < 0 ? name : name[..tick];
        return name.StartsWith("Identity", StringComparison.Ordinal) && name.Length > "Identity".Length ? name["Identity".Length..] : name;
    }

    private static string EntityId(EntityEntry entry) =>
        string.Join(':', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString() ?? string.Empty));

    private static string? EntityKey(DbContext context, EntityEntry entry) => entry.Entity is IdentityUserRole<string> link
        ? $"{context.Set<IdentityUser>().Find(link.UserId)?.UserName}: {context.Set<IdentityRole>().Find(link.RoleId)?.Name}" // ids alone say nothing to a reader
        : KeyProperties.Select(n => entry.Metadata.FindProperty(n) is null ? null : entry.Property(n).CurrentValue as string)
            .FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? OwnerCode(context, entry);

    // A status entry, responsibility or span has no code of its own: it is filed under its commitment's (or
    // meeting's) code, so filtering the trail by "NSK-2023-009" shows everything that happened to it.
    private static string? OwnerCode(DbContext context, EntityEntry entry)
    {
        foreach (var link in entry.Metadata.GetForeignKeys().Where(k => k.PrincipalEntityType.FindProperty("Code") is not null))
        {
            var key = link.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
            if (key.All(v => v is not null) && context.Find(link.PrincipalEntityType.ClrType, key) is { } owner)
            {
                return context.Entry(owner).Property("Code").CurrentValue as string;
            }
        }

        return null;
    }

    private sealed record FieldChange(object? Old, object? New);
}
