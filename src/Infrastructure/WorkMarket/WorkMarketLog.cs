using Microsoft.Extensions.Logging;

namespace WorkOrders.Infrastructure.WorkMarket;

internal static partial class WorkMarketLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "WorkMarket call failed ({Outcome}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, Exception? exception, string? outcome, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Error, Message = "WorkMarket circuit opened for {Duration}")]
    public static partial void CircuitOpened(ILogger logger, TimeSpan duration);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "WorkMarket access token refused (401): authorizing again once")]
    public static partial void Reauthorizing(ILogger logger);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "WorkMarket create for work order {WorkOrderId} has an unknown outcome: looking it up by our id")]
    public static partial void UnknownCreate(ILogger logger, Exception exception, Guid workOrderId);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "WorkMarket dispatch of work order {WorkOrderId} failed: {Error}")]
    public static partial void DispatchFailed(ILogger logger, Guid workOrderId, string error);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "WorkMarket reconciliation applied {Applied} change(s); cursor {Cursor}")]
    public static partial void Reconciled(ILogger logger, int applied, long cursor);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "WorkMarket reconciliation failed")]
    public static partial void ReconciliationFailed(ILogger logger, Exception exception);
}
