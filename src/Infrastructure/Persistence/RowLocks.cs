using Microsoft.EntityFrameworkCore;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Infrastructure.Persistence;

/// <summary>Row locks for read-decide-write use cases. PostgreSQL: <c>FOR NO KEY UPDATE</c> (it does not block
/// inserts of rows that refer to the locked one); SQLite: nothing — the transaction began IMMEDIATE and already
/// holds the database's single write lock.</summary>
public sealed class RowLocks(AppDbContext db) : IRowLocks
{
    public Task LockWorkOrderAsync(Guid id, CancellationToken cancellationToken) => LockAsync<WorkOrder>(id, cancellationToken);

    public Task LockCustomerAsync(Guid id, CancellationToken cancellationToken) => LockAsync<Customer>(id, cancellationToken);

    private async Task LockAsync<T>(Guid id, CancellationToken cancellationToken)
        where T : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock lasts until the transaction ends: take it inside a command.");
        }

        if (db.IsSqlite)
        {
            return;
        }

        var table = db.Model.FindEntityType(typeof(T))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");

        // The table name comes from the model, never from input; the id is a parameter.
        var sql = "SELECT 1 FROM \"" + table + "\" WHERE \"Id\" = {0} FOR NO KEY UPDATE";
        await db.Database.ExecuteSqlRawAsync(sql, [id], cancellationToken).ConfigureAwait(false);
    }
}
