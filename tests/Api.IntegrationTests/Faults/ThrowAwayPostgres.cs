using System.Globalization;

namespace WorkOrders.Api.IntegrationTests.Faults;

/// <summary>A PostgreSQL cluster of the test's own (initdb into a temp dir, pg_ctl on a free port of 127.0.0.1, as
/// the postgres OS user when the tests run as root — the way scripts/postgres.sh runs the shared one), so the test
/// can stop and start it without touching the cluster the other tests use. Deleted on dispose.</summary>
public sealed class ThrowAwayPostgres : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _bin;
    private readonly bool _asPostgresUser = Environment.UserName == "root";

    private ThrowAwayPostgres(string directory, string bin, int port)
    {
        _directory = directory;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString(string database) => string.Create(CultureInfo.InvariantCulture,
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password=postgres;Database={database}");

    private string Data => Path.Combine(_directory, "data");

    public static async Task<ThrowAwayPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb): scripts/postgres.sh start installs it.");
        var directory = Path.Combine(Path.GetTempPath(), "workorders-faults-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var pg = new ThrowAwayPostgres(directory, bin, BuildOutput.FreePort());
        try
        {
            if (pg._asPostgresUser)
            {
                await BuildOutput.RunAsync("chown", ["postgres:postgres", directory], TimeSpan.FromSeconds(10));
            }

            await pg.AsPostgresAsync("initdb", ["-D", pg.Data, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--no-locale"], TimeSpan.FromMinutes(2));
            await pg.StartServerAsync();
            await BuildOutput.RunAsync(Path.Combine(bin, "psql"), ["-h", "127.0.0.1", "-p", pg.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
                "-d", "postgres", "-c", "CREATE DATABASE workorders"], TimeSpan.FromSeconds(30));
            return pg;
        }
        catch
        {
            await pg.DisposeAsync();
            throw;
        }
    }

    public Task StartServerAsync() => AsPostgresAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_directory, "postgres.log"), "-w", "-t", "60",
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"],
        TimeSpan.FromSeconds(90));

    /// <summary>pg_ctl stop -m fast: open connections are terminated, the server is down when it returns.</summary>
    public Task StopServerAsync() => AsPostgresAsync("pg_ctl", ["-D", Data, "-m", "fast", "-w", "-t", "60", "stop"], TimeSpan.FromSeconds(90));

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(Data, "postmaster.pid")))
            {
                await AsPostgresAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"], TimeSpan.FromSeconds(60));
            }
        }
        catch (InvalidOperationException)
        {
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Task<string> AsPostgresAsync(string program, IEnumerable<string> arguments, TimeSpan timeout) => _asPostgresUser
        ? BuildOutput.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments], timeout)
        : BuildOutput.RunAsync(Path.Combine(_bin, program), arguments, timeout);
}
