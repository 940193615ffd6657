using System.Security.Cryptography;
using CommitmentTracker.Application.Webhooks.Common;
using Microsoft.AspNetCore.DataProtection;

namespace CommitmentTracker.Infrastructure.Webhooks;

/// <summary>Secrets are 32 random bytes (hex), stored encrypted with ASP.NET Core Data Protection.</summary>
internal sealed class DataProtectionWebhookSecrets(IDataProtectionProvider provider) : IWebhookSecrets
{
    private readonly IDataProtector _protector = provider.CreateProtector("CommitmentTracker.Webhooks.Secret.v1");

    public string Generate() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
