using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace WorkOrders.Application.Common.Behaviours;

/// <summary>Warns about requests slower than 500 ms, with the caller, so slow use cases show up in the logs.</summary>
public sealed partial class PerformanceBehaviour<TRequest, TResponse>(ILogger<TRequest> logger, IUser user)
    : IPipelineBehavior<TRequest, TResponse>
{
    private const long ThresholdMilliseconds = 500;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        var response = await next().ConfigureAwait(false);
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (elapsed > ThresholdMilliseconds)
        {
            LogSlow(logger, typeof(TRequest).Name, elapsed, user.Id);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow request {RequestName} took {ElapsedMilliseconds} ms for user {UserId}")]
    private static partial void LogSlow(ILogger logger, string requestName, long elapsedMilliseconds, string? userId);
}
