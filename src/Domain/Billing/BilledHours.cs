using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.Billing;

/// <summary>What setting a work order's billed hours did: what was asked, what is billed (never below the
/// minimum), what was billed before (null the first time).</summary>
public sealed record BilledHoursChange(
    Guid WorkOrderId,
    string WorkOrderNumber,
    Guid CustomerId,
    decimal Requested,
    decimal Billed,
    decimal? Previous,
    bool MinimumApplied)
{
    /// <summary>How many more hours are billed than before (negative when fewer): what the bank is debited.</summary>
    public decimal Difference => Billed - (Previous ?? 0m);
}

/// <summary>The outcome of billing a work order against its customer's credit-hour bank.</summary>
public sealed record BillingOutcome(BilledHoursChange Change, CreditHourEntry? Entry, decimal Balance)
{
    /// <summary>The bank is overdrawn after this billing (the overage is invoiced).</summary>
    public bool BalanceNegative => Balance < 0;
}

/// <summary>Bills a completed work order: sets its billed hours (never below the minimum) and debits its
/// customer's credit-hour bank by what changed, in one step, so the two never disagree.</summary>
public static class WorkOrderBilling
{
    public static BillingOutcome SetBilledHours(WorkOrder workOrder, CreditHourAccount account, decimal hours, string? note, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(workOrder);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(actor);
        if (account.CustomerId != workOrder.CustomerId)
        {
            throw new ArgumentException("The credit-hour bank must be the work order's customer's.", nameof(account));
        }

        var change = workOrder.SetBilledHours(hours, actor);
        var entry = account.Charge(change, actor, note);
        return new BillingOutcome(change, entry, account.Balance);
    }

    /// <summary>What billing <paramref name="hours"/> would do, without doing it (the dry run of the progress report).</summary>
    public static BilledHoursChange Preview(WorkOrder workOrder, decimal hours)
    {
        ArgumentNullException.ThrowIfNull(workOrder);
        var requested = BillingPolicy.Round(Math.Max(0m, hours));
        var billed = BillingPolicy.Billable(requested);
        return new BilledHoursChange(workOrder.Id, workOrder.DisplayNumber, workOrder.CustomerId, requested, billed, workOrder.BilledHours, billed > requested);
    }
}

public sealed class WorkOrderMustTakeTime(WorkOrder workOrder) : IBusinessRule
{
    public bool IsBroken() => !BillingPolicy.TakesTime(workOrder.Status);

    public string Message => $"Work order {workOrder.DisplayNumber} is {workOrder.Status}: only assigned, in-progress or waiting work takes time.";
}

public sealed class OneRunningTimerPerUser(WorkOrder workOrder, string userId) : IBusinessRule
{
    public bool IsBroken() => workOrder.TimeEntries.Any(e => e.IsRunning && e.UserId == userId);

    public string Message => $"Your timer on work order {workOrder.DisplayNumber} is already running: stop it first.";
}

public sealed class TimerMustBeRunning(WorkOrder workOrder) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => $"You have no running timer on work order {workOrder.DisplayNumber}.";
}

public sealed class TimeEntryMustNotOverlap(WorkOrder workOrder, TimeEntry existing) : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => existing.IsRunning
        ? $"The time overlaps {existing.UserName}'s running timer on work order {workOrder.DisplayNumber} (since {existing.StartedAt:u})."
        : $"The time overlaps {existing.UserName}'s entry on work order {workOrder.DisplayNumber} from {existing.StartedAt:u} to {existing.EndedAt:u}.";
}

public sealed class WorkOrderMustBeCompletedToBill(WorkOrder workOrder) : IBusinessRule
{
    public bool IsBroken() => workOrder.Status != WorkOrderStatus.Completed;

    public string Message => $"Work order {workOrder.DisplayNumber} is {workOrder.Status}: billed hours are set on completed work only.";
}

public sealed class BilledHoursMustNotChangeOnceInvoiced(WorkOrder workOrder) : IBusinessRule
{
    public bool IsBroken() => workOrder.InvoiceStatus == InvoiceStatus.Yes;

    public string Message => $"Work order {workOrder.DisplayNumber} is invoiced: its billed hours can no longer change.";
}

public sealed class CreditHoursMustBePositive(decimal hours) : IBusinessRule
{
    public bool IsBroken() => BillingPolicy.Round(hours) <= 0 || hours > BillingPolicy.MaxHours;

    public string Message => $"Purchased credit hours must be more than 0 and at most {BillingPolicy.MaxHours} (got {hours}).";
}

public sealed class WorkOrderMustBelongToTheAccount(BilledHoursChange change, CreditHourAccount account) : IBusinessRule
{
    public bool IsBroken() => change.CustomerId != account.CustomerId;

    public string Message => $"Work order {change.WorkOrderNumber} is not a work order of this credit-hour bank's customer.";
}
