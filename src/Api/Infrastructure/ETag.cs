using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace WorkOrders.Api.Infrastructure;

/// <summary>Resource versions as strong ETags (<c>"7"</c>), and the If-Match precondition of updates.</summary>
public static class ETag
{
    public static string Format(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpContext context, int version)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.ETag = Format(version);
    }

    /// <summary>The version the caller read (If-Match): null when missing (the use case answers 428 after
    /// checking the caller's rights), -1 when it names no version of ours (so it can only be stale: 412).</summary>
    public static int? ReadIfMatch(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        return EntityTagHeaderValue.TryParse(header.Trim(), out var tag)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : -1;
    }
}
