using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Infrastructure.Jobs.Runs;

/// <summary>A Quartz job listener that writes one <see cref="JobRun"/> row per finished execution (job, trigger,
/// scheduled fire time, node, start, end, outcome): the "last runs" of the ops view, and the evidence that a
/// clustered trigger fired on one node only. Every <see cref="PurgeEvery"/>th row of a process also deletes rows
/// older than <see cref="JobsOptions.JobRunRetention"/>, so the table stays bounded. Recording never fails a job:
/// an error here is logged and dropped.</summary>
public sealed partial class JobRunRecorder(IServiceScopeFactory scopes, JobsOptions options, TimeProvider clock, ILogger<JobRunRecorder> logger)
    : IJobListener
{
    public const int PurgeEvery = 100;
    private int _recorded;

    public string Name => "workorders-job-runs";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new JobRun
        {
            Job = context.JobDetail.Key.ToString(),
            Trigger = context.Trigger.Key.ToString(),
            FireInstanceId = context.FireInstanceId,
            ScheduledFireAt = context.ScheduledFireTimeUtc?.UtcDateTime,
            Node = context.Scheduler.SchedulerInstanceId,
            StartedAt = context.FireTimeUtc.UtcDateTime,
            FinishedAt = now,
            Outcome = jobException is null ? "Succeeded" : "Failed",
            Error = jobException is null ? null : Truncate(OutboxProcessor.Describe(jobException)),
        };

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Set<JobRun>().Add(run);
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            if (Interlocked.Increment(ref _recorded) % PurgeEvery == 1)
            {
                var before = now - options.JobRunRetention;
                await db.Set<JobRun>().Where(r => r.FinishedAt < before).ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The record is bookkeeping: a database hiccup must not turn into a job failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogNotRecorded(logger, ex, run.Job, run.FireInstanceId);
        }
    }

    private static string Truncate(string text) => text.Length <= JobRun.ErrorMaxLength ? text : text[..(JobRun.ErrorMaxLength - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The run of job {Job} ({FireInstanceId}) could not be recorded")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string job, string fireInstanceId);
}
