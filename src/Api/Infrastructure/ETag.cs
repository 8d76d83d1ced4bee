using System.Globalization;
using Microsoft.Net.Http.Headers;
using WorkOrders.Application.Common.Exceptions;

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

    /// <summary>The version the caller read (If-Match). Missing → 428; not a version of ours → 412.</summary>
    public static int RequireIfMatch(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new PreconditionRequiredException();
        }

        if (EntityTagHeaderValue.TryParse(header.Trim(), out var tag)
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new PreconditionFailedException("If-Match does not name a current version of this resource. Reload it and apply your change again.");
    }
}

/// <summary>An update without If-Match (428): read the resource first and send its ETag.</summary>
public sealed class PreconditionRequiredException : Exception
{
    public PreconditionRequiredException()
        : base("This update needs an If-Match header with the ETag of the version you read.")
    {
    }

    public PreconditionRequiredException(string message)
        : base(message)
    {
    }

    public PreconditionRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
