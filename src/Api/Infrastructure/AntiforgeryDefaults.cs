namespace WorkOrders.Api.Infrastructure;

public static class AntiforgeryDefaults
{
    /// <summary>Readable by the SPA, echoed back in <see cref="HeaderName"/>.</summary>
    public const string CookieName = "XSRF-TOKEN";
    public const string HeaderName = "X-XSRF-TOKEN";
}
