using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkOrders.Application.Common.Models;
using WorkOrders.Infrastructure.Persistence;
using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Infrastructure.Jobs;

/// <summary>Delivers due outbox messages: what the outbox Quartz job runs each time it fires, and what tests
/// call directly to run the work deterministically.</summary>
public interface IOutboxProcessor
{
    /// <summary>Claims one batch of due messages and delivers each; returns how many were claimed.</summary>
    Task<int> ProcessDueAsync(CancellationToken cancellationToken);
}

/// <summary>Claim, deliver, record. The claim is one short statement (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>;
/// SQLite: one <c>UPDATE … RETURNING</c> under its single write lock) that increments <c>Attempts</c> and pushes
/// <c>AvailableAt</c> forward by the lease, so two processors (two nodes) never hold the same message at once.
/// Each message then runs in its own DI scope through the <see cref="IOutboxMessageHandler"/> for its type:
/// success marks it processed; a failure records the error and backs off exponentially with jitter; the
/// last allowed attempt, a permanent failure or an unknown type dead-letters it.</summary>
public sealed partial class OutboxProcessor(
    IServiceScopeFactory scopes, JobsOptions options, TimeProvider clock, ILogger<OutboxProcessor> logger) : IOutboxProcessor
{
    public const int MaxErrorLength = 2000;

    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken).ConfigureAwait(false);
        var deadline = clock.GetUtcNow().UtcDateTime + (options.ClaimLease / 2);
        for (var i = 0; i < claimed.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (clock.GetUtcNow().UtcDateTime > deadline)
            {
                // Slow deliveries ate half the lease: hand the rest back before another node may claim them.
                await ReleaseAsync(claimed.Skip(i).ToList()).ConfigureAwait(false);
                break;
            }

            await DeliverAsync(claimed[i], cancellationToken).ConfigureAwait(false);
        }

        return claimed.Count;
    }

    /// <summary>Makes claimed but unattempted messages due again, uncounting their attempt.</summary>
    private async Task ReleaseAsync(List<OutboxMessage> messages)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var message in messages)
        {
            await db.Set<OutboxMessage>().Where(m => m.Id == message.Id && m.ProcessedAt == null && m.Attempts == message.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, now).SetProperty(m => m.Attempts, m => m.Attempts - 1), CancellationToken.None)
                .ConfigureAwait(false);
        }
    }

    private async Task<List<OutboxMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = now + options.ClaimLease;
        var batch = Math.Max(1, options.BatchSize);
        var rows = await OutboxClaimSql.Claim(db, now, lease, batch).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => new OutboxMessage
        {
            Id = r.Id,
            Type = r.Type,
            Key = r.Key,
            Payload = r.Payload,
            Attempts = r.Attempts,
            CreatedAt = DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc),
            AvailableAt = lease,
        });
    }

    private async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        var permanent = false;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetServices<IOutboxMessageHandler>().FirstOrDefault(h => h.Type == message.Type);
            if (handler is null)
            {
                failure = new PermanentOutboxFailureException($"No handler for outbox messages of type '{message.Type}'.");
                permanent = true;
            }
            else
            {
                try
                {
                    await handler.HandleAsync(message, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Shutting down: the lease runs out and the message is retried (its attempt is already counted).
                    throw;
                }
#pragma warning disable CA1031 // Any failure of a delivery is recorded on the message; the batch goes on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    failure = ex;
                    permanent = ex is PermanentOutboxFailureException;
                }
            }
        }

        await using var recordScope = scopes.CreateAsyncScope();
        var db = recordScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = db.Set<OutboxMessage>().Where(m => m.Id == message.Id);
        if (failure is null)
        {
            await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, now).SetProperty(m => m.LastError, (string?)null), CancellationToken.None)
                .ConfigureAwait(false);
            return;
        }

        var error = Describe(failure);
        if (permanent || message.Attempts >= options.MaxAttempts)
        {
            LogDeadLettered(logger, message.Id, message.Type, message.Attempts, error);
            await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.DeadLetteredAt, now).SetProperty(m => m.LastError, error), CancellationToken.None)
                .ConfigureAwait(false);
            return;
        }

        var retryAt = now + RetryBackoff.Delay(message.Attempts, options.BackoffBase, Max(options.BackoffCap, options.BackoffBase), Random.Shared.NextDouble());
        LogRetry(logger, message.Id, message.Type, message.Attempts, retryAt, error);
        await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, retryAt).SetProperty(m => m.LastError, error), CancellationToken.None)
            .ConfigureAwait(false);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Type and message of the error and its causes, truncated; no stack trace, no payload, no
    /// configuration values (SmtpClient's messages name the server reply, never the credentials).</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var parts = new List<string>();
        for (var e = exception; e is not null && parts.Count < 4; e = e.InnerException)
        {
            parts.Add($"{e.GetType().Name}: {e.Message}");
        }

        var text = string.Join(" ---> ", parts);
        return text.Length <= MaxErrorLength ? text : text[..(MaxErrorLength - 1)] + "…";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Type}) failed on attempt {Attempts}; retrying at {RetryAt:o}: {Error}")]
    private static partial void LogRetry(ILogger logger, Guid id, string type, int attempts, DateTime retryAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Type}) dead-lettered after {Attempts} attempt(s): {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid id, string type, int attempts, string error);
}
