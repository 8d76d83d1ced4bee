namespace WorkOrders.Application.Common.Interfaces;

/// <summary>Serialises changes that read, decide and write (a running timer, a credit-hour balance): the row is
/// locked until the command's transaction ends, so a concurrent twin waits and then sees the first one's result.
/// Take the lock before loading what it guards. PostgreSQL: <c>SELECT … FOR NO KEY UPDATE</c>; SQLite: nothing
/// to do, a write transaction already holds the database's single write lock.</summary>
public interface IRowLocks
{
    Task LockWorkOrderAsync(Guid id, CancellationToken cancellationToken);

    Task LockCustomerAsync(Guid id, CancellationToken cancellationToken);
}
