namespace WorkOrders.Domain.WorkOrders;

/// <summary>The actions that apply to many selected work orders at once.</summary>
public enum BulkAction
{
    Publish,
    AssignProvider,
    AssignTeam,
    SendToWorkMarket,
    Delete,
    MarkInvoiced,
    MarkInvoiceNotRequired,
    ApprovePayment,
    Complete,
    Cancel,
}

/// <summary>What a bulk action needs to know of one work order to decide.</summary>
public sealed record WorkOrderSnapshot(
    Guid Id,
    long Number,
    Guid CustomerId,
    WorkOrderStatus Status,
    bool IsDeleted,
    InvoiceStatus InvoiceStatus,
    DateTime? PaymentApprovedAt,
    RoutingKind Routing,
    Guid? ProviderId,
    DateTime? WaitingSince,
    long WaitingSeconds,
    bool AssignedToThirdParty);

/// <summary>The rules of each bulk action for one work order — the same rules the aggregate's own methods
/// enforce (status machine, billing guards), as a decision instead of an exception, so that a batch can say
/// per item what it did and why it skipped.</summary>
public static class WorkOrderBulkRules
{
    /// <summary>The status-machine action behind a bulk action, if it changes the status.</summary>
    public static WorkOrderAction? StatusAction(BulkAction action) => action switch
    {
        BulkAction.Publish => WorkOrderAction.Publish,
        BulkAction.AssignProvider or BulkAction.AssignTeam or BulkAction.SendToWorkMarket => WorkOrderAction.Assign,
        BulkAction.Complete => WorkOrderAction.Complete,
        BulkAction.Cancel => WorkOrderAction.Cancel,
        _ => null,
    };

    /// <summary>Null when the action applies; otherwise the reason a user can read.</summary>
    public static string? WhyNot(BulkAction action, WorkOrderSnapshot workOrder)
    {
        ArgumentNullException.ThrowIfNull(workOrder);
        if (workOrder.IsDeleted)
        {
            return "deleted";
        }

        if (StatusAction(action) is { } statusAction)
        {
            return WorkOrderStatusMachine.CanApply(workOrder.Status, statusAction)
                ? null
                : $"{workOrder.Status}: cannot {Verb(action)} (allowed from {string.Join(", ", WorkOrderStatusMachine.AllowedFrom(statusAction))})";
        }

        return action switch
        {
            BulkAction.Delete => IsBilled(workOrder.InvoiceStatus, workOrder.PaymentApprovedAt) ? "invoiced or payment-approved: cannot delete" : null,
            BulkAction.MarkInvoiced => InvoiceRule(workOrder, InvoiceStatus.Yes),
            BulkAction.MarkInvoiceNotRequired => InvoiceRule(workOrder, InvoiceStatus.NotRequired),
            BulkAction.ApprovePayment => workOrder.Status != WorkOrderStatus.Completed ? $"{workOrder.Status}: only Completed work is approved for payment"
                : !workOrder.AssignedToThirdParty ? "not assigned to a third-party provider"
                : workOrder.PaymentApprovedAt is not null ? "payment already approved"
                : null,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    /// <summary>Invoiced or payment-approved work is billed: it can no longer be deleted.</summary>
    public static bool IsBilled(InvoiceStatus invoice, DateTime? paymentApprovedAt) => invoice == InvoiceStatus.Yes || paymentApprovedAt is not null;

    public static string Verb(BulkAction action) => action switch
    {
        BulkAction.Publish => "publish",
        BulkAction.AssignProvider or BulkAction.AssignTeam => "assign",
        BulkAction.SendToWorkMarket => "send to WorkMarket",
        BulkAction.Complete => "complete",
        BulkAction.Cancel => "cancel",
        BulkAction.Delete => "delete",
        BulkAction.MarkInvoiced => "mark invoiced",
        BulkAction.MarkInvoiceNotRequired => "mark invoice not required",
        BulkAction.ApprovePayment => "approve payment",
        _ => action.ToString(),
    };

    private static string? InvoiceRule(WorkOrderSnapshot workOrder, InvoiceStatus target) =>
        workOrder.Status != WorkOrderStatus.Completed ? $"{workOrder.Status}: only Completed work is invoiced"
        : workOrder.InvoiceStatus == target ? $"already {(target == InvoiceStatus.Yes ? "invoiced" : "marked invoice not required")}"
        : null;
}
