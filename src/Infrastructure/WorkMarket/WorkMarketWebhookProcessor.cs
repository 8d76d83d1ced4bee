using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Infrastructure.WorkMarket;

public enum WebhookOutcome
{
    /// <summary>Recorded on the work order's sync state.</summary>
    Applied,

    /// <summary>Already received (same assignment, event and status): nothing done.</summary>
    Duplicate,

    /// <summary>Not an assignment of ours: receipt kept, nothing else.</summary>
    Unknown,
}

/// <summary>Applies a WorkMarket webhook: de-duplicated on (assignment id, event, status) by a receipt row, then
/// WorkMarket's status is recorded on the sync state. Deliberately conservative: the work order's own status is
/// not changed (an accepted or completed assignment is shown to the dispatcher, who completes the work order
/// through our status machine — completion needs our notes and billed hours).</summary>
public sealed class WorkMarketWebhookProcessor(AppDbContext db, TimeProvider clock)
{
    /// <summary>Constant-time comparison of the presented secret with the configured one; an empty configured
    /// secret matches nothing (fail closed).</summary>
    public static bool SecretMatches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(expected) || presented is null)
        {
            return false;
        }

        // Hash both so the comparison does not leak the secret's length either.
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    public async Task<WebhookOutcome> ProcessAsync(string assignmentId, string @event, string status, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignmentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(@event);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        var receipts = db.Set<WorkMarketWebhookReceipt>();
        if (await receipts.AnyAsync(r => r.AssignmentId == assignmentId && r.Event == @event && r.Status == status, cancellationToken).ConfigureAwait(false))
        {
            return WebhookOutcome.Duplicate;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        receipts.Add(new WorkMarketWebhookReceipt { AssignmentId = assignmentId, Event = @event, Status = status, ReceivedAt = now });
        var sync = await db.WorkMarketSyncs.SingleOrDefaultAsync(s => s.AssignmentId == assignmentId, cancellationToken).ConfigureAwait(false);
        sync?.Observed(status, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // The same delivery, received twice at once: the other one applied it (unique receipt).
            db.ChangeTracker.Clear();
            if (await receipts.AnyAsync(r => r.AssignmentId == assignmentId && r.Event == @event && r.Status == status, cancellationToken).ConfigureAwait(false))
            {
                return WebhookOutcome.Duplicate;
            }

            throw;
        }

        return sync is null ? WebhookOutcome.Unknown : WebhookOutcome.Applied;
    }
}
