namespace WorkOrders.Infrastructure.WorkMarket;

public enum WorkMarketErrorKind
{
    /// <summary>WorkMarket refused the request (meta.status_code 4xx with successful:false, or HTTP 400/404/422):
    /// sending it again will not help.</summary>
    Business,

    /// <summary>Our credentials are refused even after a fresh access token.</summary>
    Unauthorized,

    /// <summary>Unavailable, rate limited, timed out, circuit open: try again later.</summary>
    Transient,

    /// <summary>A create whose outcome is unknown (timeout, lost connection, 5xx after sending): the assignment
    /// may exist. Look it up by our id before creating again.</summary>
    UnknownOutcome,

    /// <summary>An answer that is not the documented envelope.</summary>
    Protocol,
}

/// <summary>A failed WorkMarket call, with what kind of failure it is and WorkMarket's own error messages.</summary>
public sealed class WorkMarketException : Exception
{
    public WorkMarketException()
    {
    }

    public WorkMarketException(string message) : base(message)
    {
    }

    public WorkMarketException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public WorkMarketException(WorkMarketErrorKind kind, string message, int? statusCode = null, IReadOnlyList<WorkMarketError>? errors = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        StatusCode = statusCode;
        Errors = errors ?? [];
    }

    public WorkMarketErrorKind Kind { get; } = WorkMarketErrorKind.Protocol;

    /// <summary>meta.status_code, else the HTTP status.</summary>
    public int? StatusCode { get; }

    public IReadOnlyList<WorkMarketError> Errors { get; } = [];

    /// <summary>Worth retrying later (the outbox job's backoff)?</summary>
    public bool IsTransient => Kind is WorkMarketErrorKind.Transient or WorkMarketErrorKind.UnknownOutcome;
}

public sealed record WorkMarketError(string Code, string Message);
