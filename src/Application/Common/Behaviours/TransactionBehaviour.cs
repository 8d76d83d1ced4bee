namespace WorkOrders.Application.Common.Behaviours;

/// <summary>Commands run in one transaction under the execution strategy: the change, its domain events'
/// handlers, its audit rows and its outbox rows commit together or not at all. Queries pass through.</summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return IsCommand
            ? unitOfWork.ExecuteInTransactionAsync(_ => next(), cancellationToken)
            : next();
    }
}
