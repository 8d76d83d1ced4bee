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

    public static void ThrowIfStale(string resource, int currentVersion, int expectedVersion)
    {
        if (currentVersion != expectedVersion)
        {
            throw new PreconditionFailedException(
                $"{resource} is at version {currentVersion}, not {expectedVersion}: it was changed by someone else. Reload it and apply your change again.");
        }
    }
}
