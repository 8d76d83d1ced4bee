using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.Ops;
using WorkOrders.Domain.Common;
using WorkOrders.Infrastructure.Persistence;
using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Infrastructure.Jobs.Monitoring;

/// <summary>The ops dashboard over the outbox table and the Quartz job store. Without a scheduler (jobs
/// disabled on this node) the job list is empty and triggering finds nothing.</summary>
public sealed class BackgroundJobsMonitor(AppDbContext db, IServiceProvider services, IUser user, TimeProvider clock) : IBackgroundJobsMonitor
{
    public async Task<CursorPage<OutboxMessageDto>> GetOutboxAsync(OutboxState? state, string? type, int limit, Guid? after, CancellationToken cancellationToken)
    {
        var query = db.Set<OutboxMessage>().AsNoTracking();
        query = state switch
        {
            OutboxState.Pending => query.Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null),
            OutboxState.Processed => query.Where(m => m.ProcessedAt != null),
            OutboxState.DeadLettered => query.Where(m => m.DeadLetteredAt != null),
            _ => query,
        };
        if (type is not null)
        {
            query = query.Where(m => m.Type == type);
        }

        if (after is { } cursor)
        {
            query = query.Where(m => m.Id.CompareTo(cursor) < 0);
        }

        var rows = await query.OrderByDescending(m => m.Id).Take(limit + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        var page = rows.Take(limit).Select(ToDto).ToList();
        return new CursorPage<OutboxMessageDto>(page, rows.Count > limit ? Cursor.Encode(new OutboxCursor(page[^1].Id)) : null);
    }

    public async Task<OutboxSummaryDto> GetOutboxSummaryAsync(CancellationToken cancellationToken)
    {
        var messages = db.Set<OutboxMessage>().AsNoTracking();
        var hourAgo = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var byType = await messages
            .Where(m => m.ProcessedAt == null)
            .GroupBy(m => m.Type)
            .Select(g => new OutboxTypeCountDto(
                g.Key,
                g.Count(m => m.DeadLetteredAt == null),
                g.Count(m => m.DeadLetteredAt == null && m.Attempts > 0),
                g.Count(m => m.DeadLetteredAt != null)))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var processedLastHour = await messages.CountAsync(m => m.ProcessedAt != null && m.ProcessedAt >= hourAgo, cancellationToken).ConfigureAwait(false);
        var oldest = await messages.Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null)
            .OrderBy(m => m.Id).Select(m => (DateTime?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new OutboxSummaryDto(
            byType.Sum(t => t.Pending), byType.Sum(t => t.Failing), byType.Sum(t => t.DeadLettered), processedLastHour, oldest,
            byType.OrderBy(t => t.Type, StringComparer.Ordinal).ToList());
    }

    public async Task<OutboxMessageDto?> RetryOutboxMessageAsync(Guid id, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return null;
        }

        if (message.ProcessedAt is not null)
        {
            throw new BusinessRuleException("The message was delivered already: there is nothing to retry.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = new { message.Attempts, message.DeadLetteredAt, message.LastError };
        message.DeadLetteredAt = null;
        message.Attempts = 0;
        message.AvailableAt = now;
        db.AuditEntries.Add(new AuditEntry(now, user.Id, nameof(OutboxMessage), message.Id, "Retried", JsonSerializer.Serialize(new { message.Type, message.Key, before })));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToDto(message);
    }

    public async Task<IReadOnlyList<JobDto>> GetJobsAsync(CancellationToken cancellationToken)
    {
        if (await SchedulerAsync(cancellationToken).ConfigureAwait(false) is not { } scheduler)
        {
            return [];
        }

        var jobs = new List<JobDto>();
        foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken).ConfigureAwait(false)).OrderBy(k => k.ToString(), StringComparer.Ordinal))
        {
            var detail = await scheduler.GetJobDetail(key, cancellationToken).ConfigureAwait(false);
            if (detail is null)
            {
                continue;
            }

            var triggers = new List<TriggerDto>();
            foreach (var trigger in await scheduler.GetTriggersOfJob(key, cancellationToken).ConfigureAwait(false))
            {
                var state = await scheduler.GetTriggerState(trigger.Key, cancellationToken).ConfigureAwait(false);
                triggers.Add(new TriggerDto(
                    trigger.Key.Group, trigger.Key.Name, state.ToString(),
                    trigger.NextFireTimeUtc?.UtcDateTime, trigger.PreviousFireTimeUtc?.UtcDateTime, Describe(trigger)));
            }

            jobs.Add(new JobDto(key.Group, key.Name, detail.Description, detail.JobType.Type.Name, detail.Durable,
                triggers.OrderBy(t => t.NextFireAt ?? DateTime.MaxValue).ToList()));
        }

        return jobs;
    }

    public async Task<bool> TriggerJobAsync(string group, string name, CancellationToken cancellationToken)
    {
        if (await SchedulerAsync(cancellationToken).ConfigureAwait(false) is not { } scheduler)
        {
            return false;
        }

        var key = new JobKey(name, group);
        if (!await scheduler.Exists(key, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await scheduler.TriggerJob(key, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditEntries.Add(new AuditEntry(now, user.Id, "Job", Guid.Empty, "Triggered", JsonSerializer.Serialize(new { group, name })));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<IScheduler?> SchedulerAsync(CancellationToken cancellationToken) =>
        services.GetService<ISchedulerFactory>() is { } factory ? await factory.GetScheduler(cancellationToken).ConfigureAwait(false) : null;

    private static string? Describe(ITrigger trigger) => trigger switch
    {
        ICronTrigger cron => $"cron {cron.CronExpressionString}",
        ISimpleTrigger { RepeatInterval.TotalSeconds: > 0 } simple => $"every {simple.RepeatInterval}",
        ISimpleTrigger => "once",
        _ => null,
    };

    private static OutboxMessageDto ToDto(OutboxMessage m) => new(
        m.Id, m.Type, m.Key,
        m.ProcessedAt is not null ? OutboxState.Processed : m.DeadLetteredAt is not null ? OutboxState.DeadLettered : OutboxState.Pending,
        m.Attempts, m.CreatedAt, m.AvailableAt, m.ProcessedAt, m.DeadLetteredAt, m.LastError);
}
