using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Infrastructure.Jobs;

/// <summary>Delivers one kind of outbox message (<see cref="Type"/> = <see cref="OutboxMessage.Type"/>).
/// The outbox job calls it in a fresh DI scope, at least once per message: a handler makes delivery effectively
/// once by passing <see cref="OutboxMessage.Key"/> (or <see cref="OutboxMessage.Id"/>) to the receiver as its
/// de-duplication id. Throwing retries the message later with backoff; throwing
/// <see cref="PermanentOutboxFailureException"/> dead-letters it at once.</summary>
public interface IOutboxMessageHandler
{
    string Type { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>A delivery that can never succeed (the work order is gone, the payload is invalid): dead-letter now.</summary>
public sealed class PermanentOutboxFailureException : Exception
{
    public PermanentOutboxFailureException() { }

    public PermanentOutboxFailureException(string message) : base(message) { }

    public PermanentOutboxFailureException(string message, Exception innerException) : base(message, innerException) { }
}
