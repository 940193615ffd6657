using System.Security.Cryptography;
using System.Text;

namespace CommitmentTracker.Application.Accounts;

/// <summary>
/// The text of an API key: <c>ctk_{prefix}_{secret}</c>. The prefix (8 hex characters) is stored to find the key;
/// the secret (256 random bits) only as its SHA-256, compared in constant time.
/// </summary>
public sealed record ApiKeySecret(string Prefix, string Secret)
{
    public const string Header = "X-Api-Key";
    private const string Marker = "ctk_";

    public string Text => $"{Marker}{Prefix}_{Secret}";

    public string Hash => HashOf(Secret);

    public static ApiKeySecret Generate() =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)), Base64Url(RandomNumberGenerator.GetBytes(32)));

    public static bool TryParse(string? text, out ApiKeySecret key)
    {
        key = new ApiKeySecret(string.Empty, string.Empty);
        if (text is null || !text.StartsWith(Marker, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan(Marker.Length);
        var separator = rest.IndexOf('_');
        if (separator != 8 || rest.Length <= separator + 1)
        {
            return false;
        }

        key = new ApiKeySecret(rest[..separator].ToString(), rest[(separator + 1)..].ToString());
        return true;
    }

    public bool Matches(string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash), Encoding.ASCII.GetBytes(storedHash));

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
