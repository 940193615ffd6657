using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CommitmentTracker.Host;

/// <summary>
/// Behind a TLS-terminating proxy the app must see the client's scheme, host and address, or the sign-in cookie is
/// issued without Secure, HSTS is never sent and calendar-feed addresses name the internal host. X-Forwarded-For,
/// -Proto and -Host are believed only from the proxies listed in configuration (ADR 0018); from anyone else they are
/// ignored, so a client cannot claim to be on HTTPS or on another host.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        var hosts = section.GetSection("AllowedHosts").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;

            // Loopback stays trusted (a proxy on the same machine); everything else only when listed.
            o.ForwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1;
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies has '{proxy}', which is not an IP address."));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"{Section}:KnownNetworks has '{network}', which is not a CIDR network such as 10.0.0.0/8."));
            }

            // A forwarded host is taken only if it is one of these (empty: any host the trusted proxy sends).
            foreach (var host in hosts)
            {
                o.AllowedHosts.Add(host);
            }
        });
        return services;
    }
}
