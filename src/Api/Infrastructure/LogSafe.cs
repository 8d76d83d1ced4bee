using Serilog.Events;

namespace WorkOrders.Api.Infrastructure;

/// <summary>What may be written to logs about a request: a portal token is a bearer secret carried in the path
/// (<c>/api/v1/portal/{token}/…</c>), so it never reaches a log line.</summary>
public static class LogSafe
{
    private const string PortalPrefix = "/api/v1/portal/";

    public static string Path(string? path)
    {
        if (string.IsNullOrEmpty(path) || !path.StartsWith(PortalPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return path ?? string.Empty;
        }

        var rest = path[PortalPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return PortalPrefix + "{token}" + (slash < 0 ? string.Empty : rest[slash..]);
    }

    /// <summary>The request log's properties (Serilog's defaults, with the path made safe).</summary>
    public static IEnumerable<LogEventProperty> RequestProperties(HttpContext http, string path, double elapsed, int status)
    {
        ArgumentNullException.ThrowIfNull(http);
        return
        [
            new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue(Path(path))),
            new LogEventProperty("StatusCode", new ScalarValue(status)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
        ];
    }
}
