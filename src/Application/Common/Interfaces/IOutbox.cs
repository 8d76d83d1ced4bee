namespace WorkOrders.Application.Common.Interfaces;

/// <summary>A side effect that leaves the process (e-mail, WorkMarket, webhook), recorded in the same
/// transaction as the change that causes it and delivered later by the outbox job. <see cref="Key"/> is the
/// message's identity for the receiver (it de-duplicates on it), e.g. <c>workmarket-dispatch:{workOrderId}</c>.</summary>
public sealed record OutboxEnvelope(string Type, string Key, object Payload);

public interface IOutbox
{
    /// <summary>Adds the messages to the current unit of work; they commit with it.</summary>
    Task EnqueueAsync(IReadOnlyCollection<OutboxEnvelope> messages, CancellationToken cancellationToken);
}
