namespace WorkOrders.Application.Common.Exceptions;

/// <summary>The caller's version (If-Match / ETag) is not the current one: someone else changed it (412).</summary>
public sealed class PreconditionFailedException : Exception
{
    public PreconditionFailedException()
        : base("The resource was changed by someone else. Reload it and apply your change again.")
    {
    }

    public PreconditionFailedException(string message)
        : base(message)
    {
    }

    public PreconditionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>428 when the caller sent no version, 412 when it is not the current one.</summary>
    public static void ThrowIfStale(string resource, int currentVersion, int? expectedVersion)
    {
        if (expectedVersion is null)
        {
            throw new PreconditionRequiredException();
        }

        if (currentVersion != expectedVersion)
        {
            throw new PreconditionFailedException(
                $"{resource} is at version {currentVersion}, not {expectedVersion}: it was changed by someone else. Reload it and apply your change again.");
        }
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
