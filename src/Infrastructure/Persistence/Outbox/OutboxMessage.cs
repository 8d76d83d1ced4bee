namespace WorkOrders.Infrastructure.Persistence.Outbox;

/// <summary>A side effect waiting to leave the process, committed with the change that caused it.
/// The outbox job delivers it at least once; <see cref="Key"/> lets the receiver make that effectively once.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Type { get; set; } = string.Empty;

    /// <summary>The message's identity for the receiver (e.g. <c>workmarket-dispatch:{workOrderId}</c>).</summary>
    public string Key { get; set; } = string.Empty;

    public string Payload { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }

    /// <summary>Not before this time (backoff after a failure).</summary>
    public DateTime AvailableAt { get; set; }

    public int Attempts { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public DateTime? DeadLetteredAt { get; set; }
    public string? LastError { get; set; }
}
