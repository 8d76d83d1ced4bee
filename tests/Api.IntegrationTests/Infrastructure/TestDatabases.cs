using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkOrders.Infrastructure;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Api.IntegrationTests.Infrastructure;

public enum TestProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Real databases for tests. Each provider is migrated once per test run into a template; every
/// test fixture gets its own fresh copy of it (PostgreSQL: CREATE DATABASE … TEMPLATE; SQLite: a file copy),
/// which is cheaper than migrating and isolates fixtures that run in parallel.</summary>
public static class TestDatabases
{
    public const string PostgresEnvironmentVariable = "WORKORDERS_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..10];
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresEnvironmentVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{PostgresEnvironmentVariable} is not set: run ./test.sh (it starts PostgreSQL), or export it, e.g. " +
                "'Host=127.0.0.1;Port=55432;Username=postgres;Password=postgres'.");

    /// <summary>Creates a fresh migrated database and returns its connection string.</summary>
    public static async Task<string> CreateAsync(TestProvider provider)
    {
        if (provider == TestProvider.Sqlite)
        {
            var template = await SqliteTemplateAsync();
            var file = Path.Combine(Path.GetTempPath(), $"workorders-test-{RunId}-{Guid.NewGuid():N}.db");
            File.Copy(template, file);
            return $"Data Source={file};Default Timeout=30;Pooling=False";
        }

        var templateName = await PostgresTemplateAsync();
        var name = $"wo_{RunId}_{Guid.NewGuid():N}"[..40];
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{templateName}\"");
        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static async Task DropAsync(TestProvider provider, string connectionString)
    {
        if (provider == TestProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            var quartz = Path.ChangeExtension(file, ".quartz.db");
            foreach (var path in new[] { file, file + "-wal", file + "-shm", quartz, quartz + "-wal", quartz + "-shm", quartz + "-journal" })
            {
                File.Delete(path);
            }

            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task<string> SqliteTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_sqliteTemplate is null)
            {
                var file = Path.Combine(Path.GetTempPath(), $"workorders-template-{RunId}.db");
                var options = new DbContextOptionsBuilder<AppDbContext>()
                    .UseSqlite($"Data Source={file};Pooling=False", o => o.MigrationsAssembly(WorkOrders.Infrastructure.DependencyInjection.SqliteMigrationsAssembly))
                    .Options;
                await using (var db = new AppDbContext(options))
                {
                    await db.Database.MigrateAsync();
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                }

                _sqliteTemplate = file;
            }

            return _sqliteTemplate;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> PostgresTemplateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_postgresTemplate is null)
            {
                var name = $"wo_tpl_{RunId}";
                await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
                var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name, Pooling = false }.ConnectionString;
                var options = new DbContextOptionsBuilder<AppDbContext>()
                    .UseNpgsql(cs, o => o.MigrationsAssembly(WorkOrders.Infrastructure.DependencyInjection.PostgresMigrationsAssembly))
                    .Options;
                await using (var db = new AppDbContext(options))
                {
                    await db.Database.MigrateAsync();
                }

                _postgresTemplate = name;
            }

            return _postgresTemplate;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
