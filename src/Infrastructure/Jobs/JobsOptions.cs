namespace WorkOrders.Infrastructure.Jobs;

/// <summary>The <c>Jobs</c> configuration section: our own settings for the background jobs (Quartz binds the
/// <c>Quartz</c> section itself; keep these apart).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run the Quartz scheduler in this process (the hosted service). Off: nothing fires here — another
    /// node (or a test calling <see cref="IOutboxProcessor"/>) does the work; triggers can still be written.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The scheduler's name: every node of a cluster uses the same one (it is the SCHED_NAME in the store).</summary>
    public string SchedulerName { get; set; } = "WorkOrders";

    /// <summary>How often the outbox job looks for due messages.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages claimed per round.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>Attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; doubled each attempt, with jitter, up to <see cref="BackoffCap"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed message is hidden from other processors while it is delivered (the claim's lease).
    /// A processor that dies mid-delivery gives it back after this long.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The WaitingOnCustomer reminder fires this long after the wait began with no customer response.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Work open longer than this gets one follow-up.</summary>
    public TimeSpan FollowUpAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the follow-up job looks for week-old open work.</summary>
    public TimeSpan FollowUpScanInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the record of a job's run (<c>JobRuns</c>, the "last runs") is kept.</summary>
    public TimeSpan JobRunRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>SQLite only: the Quartz store's own file (SQLite is single-writer; Quartz's lock handler would
    /// serialise every scheduler operation with the application's writes). Default: next to the app database.</summary>
    public string? QuartzSqliteFile { get; set; }
}
