namespace WorkOrders.Application.Common.Interfaces;

/// <summary>A command that accepts an <c>Idempotency-Key</c>: a retry with the same key returns the first
/// result and changes nothing.</summary>
public interface IIdempotentCommand
{
    string? IdempotencyKey { get; }
}

public sealed record StoredResponse(string RequestHash, string ResponseJson);

/// <summary>Remembers the answer to each (caller, key) — written in the command's own transaction.</summary>
public interface IIdempotencyStore
{
    Task<StoredResponse?> FindAsync(string scope, string key, CancellationToken cancellationToken);

    Task SaveAsync(string scope, string key, string requestHash, string responseJson, CancellationToken cancellationToken);

    /// <summary>True when the exception is the unique-key violation of a concurrent request with the same key.</summary>
    bool IsDuplicate(Exception exception);
}
