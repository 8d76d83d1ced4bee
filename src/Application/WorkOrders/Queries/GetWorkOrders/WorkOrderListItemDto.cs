using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.WorkOrders.Queries.GetWorkOrders;

/// <summary>A row of the Work Events grid.</summary>
public sealed record WorkOrderListItemDto
{
    public Guid Id { get; init; }
    public long Number { get; init; }
    public string DisplayNumber { get; init; } = string.Empty;
    public string Title { get; init; } = string.Empty;
    public Guid CustomerId { get; init; }
    public string CustomerName { get; init; } = string.Empty;
    public Guid SiteId { get; init; }
    public string SiteName { get; init; } = string.Empty;
    public WorkOrderStatus Status { get; init; }
    public WorkOrderSource Source { get; init; }
    public WorkOrderCategory Category { get; init; }
    public RoutingKind Routing { get; init; }
    public Guid? ProviderId { get; init; }
    public string? ProviderName { get; init; }
    public Guid? TeamId { get; init; }
    public string? TeamName { get; init; }
    public InvoiceStatus InvoiceStatus { get; init; }
    public bool PaymentApproved { get; init; }
    public DateTime? ScheduledStart { get; init; }
    public DateTime? ScheduledEnd { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime StatusChangedAt { get; init; }
}
