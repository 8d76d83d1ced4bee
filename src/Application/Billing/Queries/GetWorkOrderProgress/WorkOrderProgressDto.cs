using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Billing.Queries.GetWorkOrderProgress;

/// <summary>The progress report of a work order (estimated vs actual labour), with its billing data: billed
/// hours, the customer's credit-hour balance and what it would be after this job (a dry run: nothing is
/// charged by reading it).</summary>
public sealed record WorkOrderProgressDto
{
    public Guid WorkOrderId { get; init; }
    public string DisplayNumber { get; init; } = string.Empty;
    public WorkOrderStatus Status { get; init; }
    public Guid CustomerId { get; init; }

    /// <summary>Estimated labour hours of the line items the customer approved.</summary>
    public decimal EstimatedLabourHours { get; init; }

    /// <summary>Estimated labour hours of the line items still awaiting the customer's decision (not in the estimate above).</summary>
    public decimal PendingEstimatedLabourHours { get; init; }

    /// <summary>Actual labour: the hours of the finished time entries.</summary>
    public decimal WorkedHours { get; init; }

    /// <summary>Worked minus estimated (positive: over the estimate).</summary>
    public decimal VarianceHours { get; init; }

    /// <summary>Worked as a percentage of the estimate, to one decimal; null without an estimate.</summary>
    public decimal? PercentOfEstimate { get; init; }

    /// <summary>Timers running now (their time is not in the worked hours until stopped).</summary>
    public int RunningTimers { get; init; }

    public decimal? BilledHours { get; init; }
    public bool BilledMinimumApplied { get; init; }
    public DateTime? BilledAt { get; init; }
    public decimal MinimumBilledHours { get; init; }

    /// <summary>Time spent waiting (parts, vendor, customer), including the current wait.</summary>
    public long WaitingSeconds { get; init; }

    public bool IsWaiting { get; init; }
    public DateTime? WaitingSince { get; init; }

    /// <summary>The customer's credit-hour balance now.</summary>
    public decimal CreditBalance { get; init; }

    /// <summary>The hours this job is (or would be) billed: the <c>billedHours</c> asked for in the query, else
    /// the billed hours once set, else the larger of the estimate and the hours worked so far — never below the minimum.</summary>
    public decimal ProjectedBilledHours { get; init; }

    /// <summary>Whether the minimum raised the projected billed hours.</summary>
    public bool ProjectedMinimumApplied { get; init; }

    /// <summary>The balance after this job is billed with <see cref="ProjectedBilledHours"/> (what is already debited for it counted once).</summary>
    public decimal ProjectedBalance { get; init; }

    /// <summary>Billing the projected hours would take the balance below zero (the overage would be invoiced).</summary>
    public bool WouldGoNegative { get; init; }

    public string? Warning { get; init; }
}
