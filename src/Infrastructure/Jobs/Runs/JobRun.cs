namespace WorkOrders.Infrastructure.Jobs.Runs;

/// <summary>One execution of a Quartz job on one node, as the ops dashboard shows it under "last runs": which job,
/// which trigger and scheduled fire time, which node (scheduler instance id) ran it, when, and how it ended.
/// Written by <see cref="JobRunRecorder"/> when the job finishes; old rows are purged (<see cref="JobsOptions.JobRunRetention"/>).</summary>
public sealed class JobRun
{
    public const int ErrorMaxLength = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary><c>group.name</c> of the job.</summary>
    public string Job { get; set; } = string.Empty;

    /// <summary><c>group.name</c> of the trigger that fired it.</summary>
    public string Trigger { get; set; } = string.Empty;

    /// <summary>Quartz's id of this firing (unique per execution).</summary>
    public string FireInstanceId { get; set; } = string.Empty;

    /// <summary>The time the trigger was scheduled to fire (UTC); a manual trigger has none.</summary>
    public DateTime? ScheduledFireAt { get; set; }

    /// <summary>The scheduler instance (node) that ran it: Quartz's instance id, unique per process in a cluster.</summary>
    public string Node { get; set; } = string.Empty;

    public DateTime StartedAt { get; set; }
    public DateTime FinishedAt { get; set; }

    /// <summary><c>Succeeded</c> or <c>Failed</c>.</summary>
    public string Outcome { get; set; } = string.Empty;

    public string? Error { get; set; }
}
