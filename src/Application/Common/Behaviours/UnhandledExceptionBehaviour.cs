using Microsoft.Extensions.Logging;

namespace WorkOrders.Application.Common.Behaviours;

/// <summary>Outermost: logs any exception that is not an expected outcome (validation, 404, 403, 409, 412).</summary>
public sealed partial class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<TRequest> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next().ConfigureAwait(false);
        }
        catch (Exception ex) when (!IsExpected(ex))
        {
            LogUnhandled(logger, ex, typeof(TRequest).Name);
            throw;
        }
    }

    private static bool IsExpected(Exception ex) => ex is ValidationException or NotFoundException or ForbiddenAccessException
        or UnauthenticatedException or PreconditionFailedException or PreconditionRequiredException or IdempotencyKeyReusedException or Domain.Common.BusinessRuleException or OperationCanceledException
        or Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for request {RequestName}")]
    private static partial void LogUnhandled(ILogger logger, Exception ex, string requestName);
}
