using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Common.Interfaces;

/// <summary>Provider-specific, set-based work for bulk actions.</summary>
public interface IWorkOrderBulkStore
{
    /// <summary>Reads the work orders with these ids in one statement and, on PostgreSQL, locks their rows
    /// (in id order) until the transaction ends, so concurrent batches over the same ids serialise.</summary>
    Task<IReadOnlyList<WorkOrderSnapshot>> LockAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Inserts many history and audit rows at once (PostgreSQL: binary COPY).</summary>
    Task InsertAsync(IReadOnlyCollection<StatusChange> history, IReadOnlyCollection<AuditEntry> audit, CancellationToken cancellationToken);
}
