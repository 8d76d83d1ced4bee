using WorkOrders.Application.Common.Models;
using WorkOrders.Application.Ops;

namespace WorkOrders.Application.Common.Interfaces;

/// <summary>What the ops dashboard reads and does: the outbox (messages waiting, delivered, dead-lettered) and
/// the scheduler's jobs and triggers. Implemented over the job store in Infrastructure.</summary>
public interface IBackgroundJobsMonitor
{
    Task<CursorPage<OutboxMessageDto>> GetOutboxAsync(OutboxState? state, string? type, int limit, Guid? after, CancellationToken cancellationToken);

    Task<OutboxSummaryDto> GetOutboxSummaryAsync(CancellationToken cancellationToken);

    /// <summary>Puts a dead-lettered (or failing) message back in the queue, due now; false when there is no such message.</summary>
    Task<OutboxMessageDto?> RetryOutboxMessageAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<JobDto>> GetJobsAsync(CancellationToken cancellationToken);

    /// <summary>Fires the job once now; false when the scheduler has no such job.</summary>
    Task<bool> TriggerJobAsync(string group, string name, CancellationToken cancellationToken);
}
