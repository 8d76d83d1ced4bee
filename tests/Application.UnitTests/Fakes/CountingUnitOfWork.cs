using WorkOrders.Application.Common.Interfaces;

namespace WorkOrders.Application.UnitTests.Fakes;

/// <summary>Counts transactions and tells whether work is running inside one.</summary>
internal sealed class CountingUnitOfWork : IUnitOfWork
{
    public int Transactions { get; private set; }

    public bool InTransaction { get; private set; }

    public async Task<T> ExecuteInTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        Transactions++;
        InTransaction = true;
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            InTransaction = false;
        }
    }
}
