using System.Text.Json;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Infrastructure.Persistence.Bulk;

namespace WorkOrders.Infrastructure.Persistence.Outbox;

/// <summary>Writes outbox rows into the current unit of work (many at once by COPY on PostgreSQL).</summary>
public sealed class Outbox(AppDbContext db, BulkInserter bulk, TimeProvider clock) : IOutbox
{
    public const int SmallBatch = 50;

    public async Task EnqueueAsync(IReadOnlyCollection<OutboxEnvelope> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = messages.Select(m => new OutboxMessage
        {
            Type = m.Type,
            Key = m.Key,
            Payload = JsonSerializer.Serialize(m.Payload),
            CreatedAt = now,
            AvailableAt = now,
        }).ToList();

        if (rows.Count <= SmallBatch)
        {
            // Tracked: saved by the command's own SaveChanges, in its transaction.
            db.Set<OutboxMessage>().AddRange(rows);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await bulk.InsertAsync(rows, cancellationToken).ConfigureAwait(false);
    }
}
