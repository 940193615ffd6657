using System.Security.Cryptography;
using CommitmentTracker.Application.Common;
using CommitmentTracker.Application.Common.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommitmentTracker.Infrastructure.Accounts;

/// <summary>
/// Creates the four roles, and the first administrator when there is none. There is no default password: it comes
/// from Bootstrap:AdminPassword, or — in Development only — is generated and printed once. In any other
/// environment start-up stops until a password is configured.
/// </summary>
public sealed partial class AccountBootstrap(
    UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, IConfiguration configuration, IHostEnvironment environment, ILogger<AccountBootstrap> logger)
{
    public async Task EnsureAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var userName = configuration["Bootstrap:AdminUserName"] is { Length: > 0 } name ? name : "admin";
        var password = configuration["Bootstrap:AdminPassword"];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            if (!environment.IsDevelopment())
            {
                throw new StartupRefusedException(
                    "No administrator exists and Bootstrap:AdminPassword is not set. Set the environment variable Bootstrap__AdminPassword "
                    + "(at least 12 characters) for the first start; the password is not stored anywhere else.");
            }

            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
        }

        var admin = await users.FindByNameAsync(userName) ?? new IdentityUser(userName);
        var created = admin.PasswordHash is null ? await users.CreateAsync(admin, password!) : IdentityResult.Success;
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Bootstrap:AdminPassword was refused: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Administrator);
        if (generated)
        {
            // Console, not only the log: this line must reach the person starting the app, once.
            Console.WriteLine($"""

                ==== CommitmentTracker: first administrator created ====
                  user name: {userName}
                  password:  {password}
                This is shown once. Sign in at /account/sign-in and change this password at /account/password.
                ========================================================

                """);
        }

        LogCreated(logger, userName, generated ? "generated" : "configured");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first administrator '{UserName}' with a {Source} password")]
    private static partial void LogCreated(ILogger logger, string userName, string source);
}
