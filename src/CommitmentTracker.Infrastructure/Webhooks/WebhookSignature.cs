using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CommitmentTracker.Infrastructure.Webhooks;

/// <summary>
/// <c>X-CommitmentTracker-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;"&gt;</c>. Signing the
/// timestamp with the body lets receivers refuse old requests replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-CommitmentTracker-Signature";
    public const string EventHeader = "X-CommitmentTracker-Event";
    public const string DeliveryHeader = "X-CommitmentTracker-Delivery";

    public static string Header(string secret, long timestamp, string body)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
