using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace WorkOrders.Api.Infrastructure;

/// <summary>Limits and rate limits chosen on purpose (section <c>Limits</c>), and the policies' names.</summary>
public sealed class HardeningOptions
{
    public const string Section = "Limits";

    /// <summary>Largest request body: a bulk request of 10,000 ids is about 0.4 MB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Sign-in attempts per client address per minute (on top of the account lock-out after 5 failures).</summary>
    public int LoginPerMinute { get; set; } = 10;

    /// <summary>Customer-portal requests per link (token) per minute, whatever the token's validity.</summary>
    public int PortalPerTokenPerMinute { get; set; } = 60;

    /// <summary>Customer-portal requests per client address per minute (all tokens together: slows token guessing).</summary>
    public int PortalPerAddressPerMinute { get; set; } = 300;
}

public static class Hardening
{
    public const string LoginPolicy = "login";
    public const string PortalPrefix = "/api/v1/portal";

    public static IServiceCollection AddHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HardeningOptions.Section).Get<HardeningOptions>() ?? new HardeningOptions();
        services.AddSingleton(options);
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LoginPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress(http),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.LoginPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // The portal (anonymous, by token): a window per token and one per address, chained — a request must pass both.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => PortalToken(http) is { } token
                    ? RateLimitPartition.GetFixedWindowLimiter("token:" + token, _ => Window(options.PortalPerTokenPerMinute))
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => PortalToken(http) is not null
                    ? RateLimitPartition.GetFixedWindowLimiter("address:" + ClientAddress(http), _ => Window(options.PortalPerAddressPerMinute))
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests.",
                    detail: PortalToken(http) is null
                        ? "Too many attempts from this address; try again later."
                        : "Too many requests for this link or from this address; try again later.").ExecuteAsync(http);
            };
        });
        return services;
    }

    /// <summary>Security headers on every answer; the SPA's pages get a content security policy that allows only
    /// its own scripts (antd injects its styles at run time: styles allow 'unsafe-inline'), the API's answers
    /// one that allows nothing, Swagger UI one for its own assets.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var path = http.Request.Path;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers.ContentSecurityPolicy = path.StartsWithSegments("/api") || path.StartsWithSegments("/health")
                ? "default-src 'none'; frame-ancestors 'none'"
                : path.StartsWithSegments("/swagger")
                    ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"
                    : "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                      + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>Answers 413 (ProblemDetails) to a declared body over the limit before anything reads it; Kestrel's
    /// own limit (set to the same value) stops bodies without a length.</summary>
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app, HardeningOptions options) => app.Use(async (http, next) =>
    {
        if (http.Request.ContentLength is { } length && length > options.MaxRequestBodyBytes)
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request body too large.",
                detail: $"The body may be at most {options.MaxRequestBodyBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes.").ExecuteAsync(http);
            return;
        }

        await next(http);
    });

    private static FixedWindowRateLimiterOptions Window(int perMinute) =>
        new() { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>The token of a portal request (<c>/api/v1/portal/{token}/...</c>), null for any other request.</summary>
    public static string? PortalToken(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Path.StartsWithSegments(PortalPrefix, StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
        {
            return null;
        }

        var value = rest.Value!.TrimStart('/');
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var token = slash < 0 ? value : value[..slash];
        return token.Length == 0 ? null : token.Length > 100 ? token[..100] : token;
    }

    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : IPAddress.None.ToString();
}
