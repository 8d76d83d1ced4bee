namespace WorkOrders.Application.Common.Exceptions;

/// <summary>The Idempotency-Key was already used for a different request (422).</summary>
public sealed class IdempotencyKeyReusedException : Exception
{
    public IdempotencyKeyReusedException()
        : base("This Idempotency-Key was already used with a different request. Use a new key for a new request.")
    {
    }

    public IdempotencyKeyReusedException(string message)
        : base(message)
    {
    }

    public IdempotencyKeyReusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
