namespace WorkOrders.Application.WorkOrders;

/// <summary>The outbox message that publishes a work order on WorkMarket (delivered by the WorkMarket dispatch handler).</summary>
public static class WorkMarketDispatch
{
    public const string Type = "WorkMarketDispatch";

    /// <summary>The key of the dispatch written by "send to WorkMarket".</summary>
    public static string Key(Guid workOrderId) => $"workmarket-dispatch:{workOrderId}";

    /// <summary>A re-sync's key: unique per attempt, so it is never mistaken for the first dispatch.</summary>
    public static string ResyncKey(Guid workOrderId, Guid attempt) => $"workmarket-dispatch:{workOrderId}:resync:{attempt:N}";

    /// <summary>The dispatch written when a WorkMarket-routed work order is unassigned, re-routed, cancelled or
    /// deleted: the handler sees it no longer goes there and voids a draft/sent assignment.</summary>
    public static string WithdrawKey(Guid workOrderId, Guid attempt) => $"workmarket-dispatch:{workOrderId}:withdraw:{attempt:N}";

    /// <summary>The dispatch (or withdrawal) a change of routing calls for: none when the work order neither goes
    /// to WorkMarket now nor did before.</summary>
    public static OutboxEnvelope? For(Guid workOrderId, bool wasWorkMarket, bool isWorkMarket, bool isOpen) =>
        isWorkMarket && isOpen && !wasWorkMarket ? new OutboxEnvelope(Type, Key(workOrderId), new Payload(workOrderId))
        : wasWorkMarket && (!isWorkMarket || !isOpen) ? new OutboxEnvelope(Type, WithdrawKey(workOrderId, Guid.CreateVersion7()), new Payload(workOrderId))
        : null;

    public sealed record Payload(Guid WorkOrderId);
}
