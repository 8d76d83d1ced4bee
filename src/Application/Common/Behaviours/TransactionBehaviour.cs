using System.Text.Json;

namespace WorkOrders.Application.Common.Behaviours;

/// <summary>Commands run in one transaction under the execution strategy: the change, its domain events'
/// handlers, its audit rows, its outbox rows and its idempotency record commit together or not at all.
/// Queries pass through.</summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork, IIdempotencyStore idempotency, IUser user)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!IsCommand)
        {
            return next();
        }

        return unitOfWork.ExecuteInTransactionAsync(
            async ct =>
            {
                var response = await next().ConfigureAwait(false);
                if (request is IIdempotentCommand { IdempotencyKey: { Length: > 0 } key })
                {
                    await idempotency.SaveAsync(
                        IdempotencyBehaviour<TRequest, TResponse>.Scope(user), key, IdempotencyBehaviour<TRequest, TResponse>.Hash(request),
                        JsonSerializer.Serialize(response), ct).ConfigureAwait(false);
                }

                return response;
            },
            cancellationToken);
    }
}
