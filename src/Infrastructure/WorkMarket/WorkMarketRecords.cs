namespace WorkOrders.Infrastructure.WorkMarket;

/// <summary>A webhook delivery we applied, keyed by what it says (assignment, event, status): WorkMarket retries a
/// delivery, so the same event may arrive twice; it is applied once.</summary>
public sealed class WorkMarketWebhookReceipt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string AssignmentId { get; set; } = string.Empty;
    public string Event { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public DateTime ReceivedAt { get; set; }
}

/// <summary>A named cursor of the reconciliation (<c>list_updated</c>: the last meta.timestamp, in ms).</summary>
public sealed class WorkMarketCursor
{
    public const string ListUpdated = "list_updated";

    public string Name { get; set; } = string.Empty;
    public long Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}
