namespace WorkOrders.Application.Common.Interfaces;

/// <summary>Runs work in one database transaction under the provider's execution strategy
/// (retried as a whole on transient failures). Nested calls join the outer transaction.</summary>
public interface IUnitOfWork
{
    Task<T> ExecuteInTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
