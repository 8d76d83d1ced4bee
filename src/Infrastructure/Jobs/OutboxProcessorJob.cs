using Quartz;

namespace WorkOrders.Infrastructure.Jobs;

/// <summary>Fires every <see cref="JobsOptions.OutboxPollInterval"/>: drains the due outbox messages, a batch at a
/// time. One execution at a time across the cluster; two nodes that still overlap are kept apart by the claim.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxProcessorJob(IOutboxProcessor processor, JobsOptions options) : IJob
{
    /// <summary>Bounds one execution, so a flood never starves the scheduler's other jobs.</summary>
    public const int MaxRounds = 20;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds && !cancellationToken.IsCancellationRequested; round++)
        {
            var claimed = await processor.ProcessDueAsync(cancellationToken).ConfigureAwait(false);
            if (claimed < options.BatchSize)
            {
                break;
            }
        }
    }
}
