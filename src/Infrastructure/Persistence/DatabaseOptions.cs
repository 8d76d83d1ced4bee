namespace WorkOrders.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default, a file under <see cref="DataDirectory"/>) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the SQLite file, relative to the content root unless absolute.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations at start-up. Default: yes on SQLite, no on PostgreSQL (use <c>--migrate</c>).</summary>
    public bool? MigrateOnStartup { get; set; }

    /// <summary>PostgreSQL: how often EF Core retries a command or transaction that failed transiently (a restart,
    /// a dropped connection) before the request gives up with 503.</summary>
    public int MaxRetryCount { get; set; } = 5;

    /// <summary>PostgreSQL: the longest wait between two of those retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
