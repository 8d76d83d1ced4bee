namespace WorkOrders.Infrastructure.Persistence;

/// <summary>A named gap-free counter (e.g. work-order numbers), advanced inside the caller's transaction.</summary>
public sealed class Counter
{
    public const string WorkOrderNumbers = "WorkOrder";

    public string Name { get; set; } = string.Empty;
    public long Value { get; set; }
}
