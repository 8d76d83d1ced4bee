using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace WorkOrders.Api.Infrastructure;

/// <summary>Serves the built SPA (client/dist) from the API's origin: its static files, and index.html for
/// every other path that is not the API's (<c>/api</c>, <c>/swagger</c>, <c>/health</c>) so client-side
/// routes (<c>/customers/42</c>) survive a reload. The folder is <c>Spa:Path</c> (relative to the content
/// root), by default <c>../../client/dist</c>; when it does not exist (no SPA build, as in the API's own
/// tests) nothing is registered and the API behaves exactly as without it.</summary>
public static class SpaHosting
{
    public const string PathSetting = "Spa:Path";
    public const string DefaultPath = "../../client/dist";

    /// <summary>Call before <c>UseAuthentication</c>: the SPA's files are public (the fallback
    /// authorization policy protects the API, not the page that signs you in).</summary>
    public static WebApplication UseSpaHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = Path.GetFullPath(app.Configuration[PathSetting] is { Length: > 0 } configured ? configured : DefaultPath, app.Environment.ContentRootPath);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SpaHosting));
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            SpaLog.NotFound(logger, root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        var options = new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Vite fingerprints everything under assets/: cache it for a year. index.html must be revalidated
                // so that a new deployment is picked up at once.
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
                headers.XContentTypeOptions = "nosniff";
            },
        };

        app.UseStaticFiles(options);

        // Anything that is not a file and not the API's: the SPA's index.html (its router takes over). The
        // root has no path value for the regex to match, so it gets its own route.
        foreach (var pattern in (string[])["/", "{*path:nonfile:regex(^(?!(api|swagger|health)(/|$)).*$)}"])
        {
            app.MapFallbackToFile(pattern, "index.html", options).AllowAnonymous().ExcludeFromDescription();
        }

        SpaLog.Serving(logger, root);
        return app;
    }
}

internal static partial class SpaLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the SPA from {Root}")]
    public static partial void Serving(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Information, Message = "No SPA build at {Root} (client/dist/index.html): serving the API only. Build it with ./run.sh or `npm run build` in client/.")]
    public static partial void NotFound(ILogger logger, string root);
}
