namespace WorkOrders.Application.Portal;

/// <summary>The <c>Portal</c> configuration section.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Where customers open the portal: links are <c>{PublicBaseUrl}/portal/{token}</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Expired and revoked links (with their access log) are purged this long after they ended.</summary>
    public TimeSpan PurgeAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the token-expiry job runs.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest drawn signature (PNG bytes, decoded).</summary>
    public int SignatureMaxBytes { get; set; } = 200 * 1024;

    public string UrlOf(string token) => $"{PublicBaseUrl.TrimEnd('/')}/portal/{token}";
}
