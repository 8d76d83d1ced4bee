namespace WorkOrders.Domain.WorkOrders;

public enum WorkOrderStatus
{
    Draft,
    Published,
    Assigned,
    InProgress,
    WaitingParts,
    WaitingOnVendor,
    WaitingOnCustomer,
    Completed,
    Cancelled,
}

/// <summary>Where a work order came from. Everything but <see cref="Office"/> starts Published ("New").</summary>
public enum WorkOrderSource
{
    Office,
    CustomerPortal,
    Email,
    Phone,
    Technician,
    Event,
    Partner,
}

public enum WorkOrderCategory
{
    Service,
    Connection,
    Disconnection,
    Reconnection,
    SpecialRead,
    MeterInvestigation,
    Maintenance,
    Other,
}

/// <summary>Who the work is routed to.</summary>
public enum RoutingKind
{
    Unassigned,
    Provider,
    Team,
    WorkMarket,
}

/// <summary>The invoice flag: not yet invoiced, invoiced, or no invoice needed (warranty, no-charge revisit, pilot).</summary>
public enum InvoiceStatus
{
    No,
    Yes,
    NotRequired,
}

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
}

public enum WorkOrderTaskStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>The verbs of the status machine.</summary>
public enum WorkOrderAction
{
    Publish,
    Assign,
    Unassign,
    Start,
    WaitForParts,
    WaitForVendor,
    WaitForCustomer,
    Resume,
    Complete,
    Cancel,
}
