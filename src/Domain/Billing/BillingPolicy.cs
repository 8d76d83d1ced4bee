using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.Billing;

/// <summary>The numbers of time and billing: which work takes time, how hours are rounded, the billing minimum.</summary>
public static class BillingPolicy
{
    /// <summary>A job is never billed below one hour.</summary>
    public const decimal MinimumBilledHours = 1m;

    /// <summary>The largest number of hours one time entry, one billing or one purchase may carry.</summary>
    public const decimal MaxHours = 100_000m;

    /// <summary>The longest manual time entry: one day.</summary>
    public static readonly TimeSpan MaxEntryLength = TimeSpan.FromHours(24);

    /// <summary>Open work that is being done: assigned, in progress, or waiting (parts, vendor, customer).
    /// Draft and Published work has nobody on it yet; Completed and Cancelled work is closed.</summary>
    public static IReadOnlyList<WorkOrderStatus> TimeTakingStatuses { get; } =
        [WorkOrderStatus.Assigned, .. WorkOrderStatusMachine.InProgressGroup];

    public static bool TakesTime(WorkOrderStatus status) => TimeTakingStatuses.Contains(status);

    /// <summary>Hours to the hundredth (0.01 h = 36 s), half away from zero.</summary>
    public static decimal Round(decimal hours) => Math.Round(hours, 2, MidpointRounding.AwayFromZero);

    /// <summary>The hours between two instants, rounded to the hundredth; never negative.</summary>
    public static decimal HoursBetween(DateTime start, DateTime end) =>
        end <= start ? 0m : Round((decimal)(end - start).Ticks / TimeSpan.TicksPerHour);

    /// <summary>What is billed for <paramref name="requested"/> hours: at least the minimum.</summary>
    public static decimal Billable(decimal requested) => Math.Max(MinimumBilledHours, Round(requested));
}
