using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Infrastructure.Persistence.Bulk;

public sealed class WorkOrderBulkStore(AppDbContext db, BulkInserter bulk) : IWorkOrderBulkStore
{
    public async Task<IReadOnlyList<WorkOrderSnapshot>> LockAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToArray();
        List<Row> rows;
        if (db.IsSqlite)
        {
            // SQLite: the transaction already holds the single write lock (BEGIN IMMEDIATE).
            rows = await db.WorkOrders.AsNoTracking().Where(w => list.Contains(w.Id)).Select(w => new Row
            {
                Id = w.Id,
                Number = w.Number,
                CustomerId = w.CustomerId,
                Status = w.Status.ToString(),
                IsDeleted = w.IsDeleted,
                InvoiceStatus = w.InvoiceStatus.ToString(),
                PaymentApprovedAt = w.PaymentApprovedAt,
                Routing = w.Routing.ToString(),
                ProviderId = w.ProviderId,
                WaitingSince = w.WaitingSince,
                WaitingSeconds = w.WaitingSeconds,
            }).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            rows = await db.Database.SqlQueryRaw<Row>(
                """
                SELECT "Id", "Number", "CustomerId", "Status", "IsDeleted", "InvoiceStatus", "PaymentApprovedAt", "Routing", "ProviderId", "WaitingSince", "WaitingSeconds"
                FROM "WorkOrders" WHERE "Id" = ANY(@ids) ORDER BY "Id" FOR UPDATE
                """,
                new NpgsqlParameter<Guid[]>("ids", list)).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        return rows.ConvertAll(r => new WorkOrderSnapshot(
            r.Id, r.Number, r.CustomerId, Enum.Parse<WorkOrderStatus>(r.Status), r.IsDeleted, Enum.Parse<InvoiceStatus>(r.InvoiceStatus),
            Utc(r.PaymentApprovedAt), Enum.Parse<RoutingKind>(r.Routing), r.ProviderId, Utc(r.WaitingSince), r.WaitingSeconds, false));
    }

    public async Task InsertAsync(IReadOnlyCollection<StatusChange> history, IReadOnlyCollection<AuditEntry> audit, CancellationToken cancellationToken)
    {
        await bulk.InsertAsync(history, cancellationToken).ConfigureAwait(false);
        await bulk.InsertAsync(audit, cancellationToken).ConfigureAwait(false);
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    /// <summary>The raw row (enums as stored: strings).</summary>
    internal sealed class Row
    {
        public Guid Id { get; set; }
        public long Number { get; set; }
        public Guid CustomerId { get; set; }
        public string Status { get; set; } = string.Empty;
        public bool IsDeleted { get; set; }
        public string InvoiceStatus { get; set; } = string.Empty;
        public DateTime? PaymentApprovedAt { get; set; }
        public string Routing { get; set; } = string.Empty;
        public Guid? ProviderId { get; set; }
        public DateTime? WaitingSince { get; set; }
        public long WaitingSeconds { get; set; }
    }
}
