using CommitmentTracker.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Infrastructure.Accounts;

/// <summary>
/// A sign-in is a session the server knows: its id travels in the (encrypted) cookie's properties and is stored as
/// an Identity user token; signing out deletes it, so a copied cookie stops working at once, not when it expires.
/// The token table already exists, so this needs no schema change. Every cookie request looks the session up by key.
/// </summary>
internal static class ServerSessions
{
    /// <summary>The user-token "login provider" that marks a session.</summary>
    public const string Provider = "CommitmentTracker.Session";

    private const string Item = ".session";

    /// <summary>Sessions older than this are deleted when the same person signs in again (the cookie slides for 8 hours).</summary>
    private static readonly TimeSpan Stale = TimeSpan.FromDays(30);

    public static async Task<AuthenticationProperties> OpenAsync(AppDbContext db, IdentityUser user, DateTimeOffset now)
    {
        var cutoff = (now - Stale).ToUnixTimeSeconds();
        var old = await db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == Provider).ToListAsync();
        db.UserTokens.RemoveRange(old.Where(t => !long.TryParse(t.Value, out var opened) || opened < cutoff));

        var id = Guid.NewGuid().ToString("N");
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = user.Id, LoginProvider = Provider, Name = id, Value = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync();
        return new AuthenticationProperties { IsPersistent = false, Items = { [Item] = id } };
    }

    public static async Task CloseAsync(AppDbContext db, AuthenticationProperties? properties)
    {
        if (properties?.Items.TryGetValue(Item, out var id) == true && id is not null)
        {
            await db.UserTokens.Where(t => t.LoginProvider == Provider && t.Name == id).ExecuteDeleteAsync();
        }
    }

    /// <summary>Runs before Identity's security-stamp check: a cookie whose session was ended is rejected.</summary>
    public static async Task<bool> IsOpenAsync(CookieValidatePrincipalContext context)
    {
        if (context.Properties.Items.TryGetValue(Item, out var id) != true || id is null)
        {
            return false;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        return await db.UserTokens.AsNoTracking().AnyAsync(t => t.LoginProvider == Provider && t.Name == id);
    }
}
