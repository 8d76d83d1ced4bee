using WorkOrders.Domain.Common;

namespace WorkOrders.Domain.WorkOrders;

/// <summary>Our side of a work order's publication on WorkMarket.</summary>
public enum WorkMarketSyncStatus
{
    /// <summary>Waiting for the dispatch job.</summary>
    Pending,

    /// <summary>The assignment exists on WorkMarket (draft), not yet sent to workers.</summary>
    Created,

    /// <summary>Sent to the talent pools / workers; nobody has accepted yet.</summary>
    Sent,

    /// <summary>Every worker declined; it can be sent again.</summary>
    Declined,

    /// <summary>A worker accepted (WorkMarket "active").</summary>
    Active,

    /// <summary>The worker completed it (WorkMarket "complete"), payment not yet approved.</summary>
    Completed,

    /// <summary>Payment approved or paid on WorkMarket.</summary>
    Paid,

    /// <summary>Voided, cancelled or deleted on WorkMarket, or the work order no longer goes there.</summary>
    Cancelled,

    /// <summary>WorkMarket refused it (a business error): needs a person, then a re-sync.</summary>
    Failed,
}

/// <summary>The state of one work order's WorkMarket assignment, kept by the dispatch job, the webhook and the
/// reconciliation (one row per work order routed to WorkMarket).</summary>
public sealed class WorkMarketSync
{
    public const int ErrorMaxLength = 2000;

    private WorkMarketSync()
    {
    }

    public Guid WorkOrderId { get; private set; }

    /// <summary>WorkMarket's assignment id, once known.</summary>
    public string? AssignmentId { get; private set; }

    public WorkMarketSyncStatus Status { get; private set; }

    /// <summary>WorkMarket's own status string (draft, sent, active, complete, paid, void, ...).</summary>
    public string? WorkMarketStatus { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Dispatch attempts (each run of the dispatch job for this work order).</summary>
    public int Attempts { get; private set; }

    /// <summary>When we last heard from WorkMarket about it (an answer, a webhook, the reconciliation).</summary>
    public DateTime? LastSyncedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static WorkMarketSync Start(Guid workOrderId, DateTime now) => new()
    {
        WorkOrderId = workOrderId,
        Status = WorkMarketSyncStatus.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void AttemptStarted(DateTime now)
    {
        Attempts++;
        UpdatedAt = now;
    }

    /// <summary>A re-sync was asked for: back to Pending, the last error cleared.</summary>
    public void Requeued(DateTime now)
    {
        Status = WorkMarketSyncStatus.Pending;
        LastError = null;
        UpdatedAt = now;
    }

    public void Created(string assignmentId, string workMarketStatus, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignmentId);
        AssignmentId = assignmentId;
        Observed(workMarketStatus, now);
    }

    /// <summary>WorkMarket told us the assignment's status (an answer, a webhook, the reconciliation).</summary>
    public void Observed(string workMarketStatus, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workMarketStatus);
        WorkMarketStatus = workMarketStatus;
        Status = StatusOf(workMarketStatus, Status);
        LastError = null;
        LastSyncedAt = now;
        UpdatedAt = now;
    }

    /// <summary>A permanent failure (WorkMarket refused it).</summary>
    public void Failed(string error, DateTime now)
    {
        Status = WorkMarketSyncStatus.Failed;
        ErrorRecorded(error, now);
    }

    /// <summary>A failure that will be retried: the status stays, the error is shown.</summary>
    public void ErrorRecorded(string error, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(error);
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        UpdatedAt = now;
    }

    /// <summary>The work order no longer goes to WorkMarket (unrouted, cancelled, deleted).</summary>
    public void Withdrawn(string? workMarketStatus, string reason, DateTime now)
    {
        if (workMarketStatus is not null)
        {
            WorkMarketStatus = workMarketStatus;
            LastSyncedAt = now;
        }

        Status = WorkMarketSyncStatus.Cancelled;
        LastError = reason.Length > ErrorMaxLength ? reason[..ErrorMaxLength] : reason;
        UpdatedAt = now;
    }

    /// <summary>Our sync status for WorkMarket's assignment status; an unknown status keeps <paramref name="current"/>.</summary>
    public static WorkMarketSyncStatus StatusOf(string workMarketStatus, WorkMarketSyncStatus current) => workMarketStatus switch
    {
        "draft" => WorkMarketSyncStatus.Created,
        "sent" => WorkMarketSyncStatus.Sent,
        "declined" => WorkMarketSyncStatus.Declined,
        "active" => WorkMarketSyncStatus.Active,
        "complete" => WorkMarketSyncStatus.Completed,
        "paymentPending" or "paid" => WorkMarketSyncStatus.Paid,
        "cancelled" or "cancelledWithPay" or "cancelledPayPending" or "void" or "deleted" => WorkMarketSyncStatus.Cancelled,
        _ => current,
    };
}

public sealed class WorkOrderMustBeRoutedToWorkMarket(WorkOrder workOrder) : IBusinessRule
{
    public bool IsBroken() => workOrder.IsDeleted || workOrder.Routing != RoutingKind.WorkMarket || !workOrder.IsOpen;

    public string Message => workOrder.Routing != RoutingKind.WorkMarket
        ? $"Work order {workOrder.DisplayNumber} is not routed to WorkMarket."
        : $"Work order {workOrder.DisplayNumber} is {(workOrder.IsDeleted ? "deleted" : workOrder.Status.ToString())}: it can no longer be sent to WorkMarket.";
}
