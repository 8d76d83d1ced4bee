using WorkOrders.Domain.Common;

namespace WorkOrders.Domain.WorkOrders;

/// <summary>The one place that says which status each action leads to, and from where.
/// <code>
/// Draft ─publish→ Published ─assign→ Assigned ─start→ InProgress ⇄ Waiting{Parts,OnVendor,OnCustomer} (wait from InProgress, resume back)
///                 Published ←unassign─ Assigned;  Assigned/InProgress/Waiting* ─complete→ Completed
///                 any non-terminal ─cancel→ Cancelled
/// </code></summary>
public static class WorkOrderStatusMachine
{
    private static readonly WorkOrderStatus[] Waiting =
        [WorkOrderStatus.WaitingParts, WorkOrderStatus.WaitingOnVendor, WorkOrderStatus.WaitingOnCustomer];

    private static readonly WorkOrderStatus[] Working = [WorkOrderStatus.InProgress, .. Waiting];

    private static readonly Dictionary<WorkOrderAction, (WorkOrderStatus[] From, WorkOrderStatus To)> Transitions = new()
    {
        [WorkOrderAction.Publish] = ([WorkOrderStatus.Draft], WorkOrderStatus.Published),
        [WorkOrderAction.Assign] = ([WorkOrderStatus.Published, WorkOrderStatus.Assigned], WorkOrderStatus.Assigned),
        [WorkOrderAction.Unassign] = ([WorkOrderStatus.Assigned], WorkOrderStatus.Published),
        [WorkOrderAction.Start] = ([WorkOrderStatus.Assigned], WorkOrderStatus.InProgress),
        [WorkOrderAction.WaitForParts] = ([WorkOrderStatus.InProgress], WorkOrderStatus.WaitingParts),
        [WorkOrderAction.WaitForVendor] = ([WorkOrderStatus.InProgress], WorkOrderStatus.WaitingOnVendor),
        [WorkOrderAction.WaitForCustomer] = ([WorkOrderStatus.InProgress], WorkOrderStatus.WaitingOnCustomer),
        [WorkOrderAction.Resume] = (Waiting, WorkOrderStatus.InProgress),
        [WorkOrderAction.Complete] = ([WorkOrderStatus.Assigned, .. Working], WorkOrderStatus.Completed),
        [WorkOrderAction.Cancel] = ([WorkOrderStatus.Draft, WorkOrderStatus.Published, WorkOrderStatus.Assigned, .. Working], WorkOrderStatus.Cancelled),
    };

    /// <summary>Statuses counted as "In Progress" on the customer dashboard.</summary>
    public static IReadOnlyList<WorkOrderStatus> InProgressGroup { get; } = Working;

    public static IReadOnlyList<WorkOrderStatus> WaitingStatuses { get; } = Waiting;

    /// <summary>Not Completed or Cancelled.</summary>
    public static IReadOnlyList<WorkOrderStatus> OpenStatuses { get; } =
        [WorkOrderStatus.Draft, WorkOrderStatus.Published, WorkOrderStatus.Assigned, .. Working];

    public static bool IsOpen(WorkOrderStatus status) => status is not (WorkOrderStatus.Completed or WorkOrderStatus.Cancelled);

    public static bool IsWaiting(WorkOrderStatus status) => Waiting.Contains(status);

    public static bool CanApply(WorkOrderStatus from, WorkOrderAction action) =>
        Transitions.TryGetValue(action, out var t) && t.From.Contains(from);

    public static WorkOrderStatus Target(WorkOrderAction action) => Transitions[action].To;

    /// <summary>The statuses from which <paramref name="action"/> is allowed (for set-based bulk updates).</summary>
    public static IReadOnlyList<WorkOrderStatus> AllowedFrom(WorkOrderAction action) => Transitions[action].From;

    /// <summary>The actions allowed from <paramref name="status"/> (the UI shows only these).</summary>
    public static IReadOnlyList<WorkOrderAction> AllowedActions(WorkOrderStatus status) =>
        Transitions.Where(t => t.Value.From.Contains(status)).Select(t => t.Key).ToList();

    /// <summary>Throws <see cref="BusinessRuleException"/> naming current and requested status when not allowed.</summary>
    public static WorkOrderStatus Apply(WorkOrderStatus from, WorkOrderAction action)
    {
        var rule = new WorkOrderTransitionMustBeAllowed(from, action);
        if (rule.IsBroken())
        {
            throw new BusinessRuleException(rule);
        }

        return Target(action);
    }
}

public sealed class WorkOrderTransitionMustBeAllowed(WorkOrderStatus current, WorkOrderAction action) : IBusinessRule
{
    public WorkOrderStatus Current { get; } = current;

    public WorkOrderStatus Requested { get; } = WorkOrderStatusMachine.Target(action);

    public bool IsBroken() => !WorkOrderStatusMachine.CanApply(Current, action);

    public string Message => $"Cannot {action} a work order that is {Current}: {Current} → {Requested} is not allowed.";
}
