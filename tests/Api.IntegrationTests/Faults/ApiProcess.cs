using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;

namespace WorkOrders.Api.IntegrationTests.Faults;

/// <summary>Where the solution build put the API and the bench tool, for the configuration this test assembly was
/// built with (…/tests/Api.IntegrationTests/bin/&lt;Configuration&gt;/net10.0/).</summary>
public static class BuildOutput
{
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string ApiDirectory => Output("src/Api", "WorkOrders.Api.dll");

    public static string BenchDll => Path.Combine(Output("bench/WorkOrders.Bench", "WorkOrders.Bench.dll"), "WorkOrders.Bench.dll");

    private static string Output(string project, string dll)
    {
        var dir = Path.Combine(RepositoryFiles.Root, project, "bin", Configuration, "net10.0");
        return File.Exists(Path.Combine(dir, dll))
            ? dir
            : throw new InvalidOperationException($"{dll} not found in {dir}: build the solution (dotnet build WorkOrders.sln -c {Configuration}).");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a program to its end (bounded), returns its output; throws with the output on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        var output = await stdout + await stderr;
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} exited with {process.ExitCode}: {output}");
    }
}

/// <summary>The API as a real child process (<c>dotnet WorkOrders.Api.dll</c>) on 127.0.0.1 and a free port, its
/// output kept in a bounded buffer (shown when it fails to start). <see cref="Kill"/> is SIGKILL on Linux — no
/// shutdown hooks, no flushing, exactly a crash.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string AdminEmail = "admin@faults.local";
    public const string AdminPassword = "Faults-Passw0rd!";

    private readonly Process _process;
    private readonly Queue<string> _log = new();
    private readonly Lock _logLock = new();
    private string? _pickupDirectory;

    private ApiProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string LogTail
    {
        get
        {
            lock (_logLock)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <summary>The settings every test process gets: PostgreSQL, the bootstrap Admin, quiet logs, generous login limits.</summary>
    public static Dictionary<string, string> BaseSettings(string connectionString) => new()
    {
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = connectionString,
        ["Database__MigrateOnStartup"] = "false",
        ["WorkOrders__Bootstrap__AdminEmail"] = AdminEmail,
        ["WorkOrders__Bootstrap__AdminPassword"] = AdminPassword,
        ["Serilog__MinimumLevel__Default"] = "Warning",
        ["Limits__LoginPerMinute"] = "100000",
        ["Jobs__Enabled"] = "false",
        ["Email__Host"] = string.Empty,
        ["Email__PickupDirectory"] = Path.Combine(Path.GetTempPath(), "workorders-faults-mail-" + Guid.NewGuid().ToString("N")[..8]),
        ["WorkMarket__Enabled"] = "false",
    };

    public static async Task<ApiProcess> StartAsync(string name, IDictionary<string, string> settings, TimeSpan? readyTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = BuildOutput.ApiDirectory;
        var port = BuildOutput.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(directory, "WorkOrders.Api.dll"), "--contentRoot", directory, "--Urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var api = new ApiProcess(name, process, port)
        {
            _pickupDirectory = settings.TryGetValue("Email__PickupDirectory", out var pickup) && pickup.Length > 0 ? pickup : null,
        };
        process.OutputDataReceived += (_, e) => api.Append(e.Data);
        process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await api.WaitReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(90));
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }

        return api;
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"API process {Name} exited with {_process.ExitCode} before it was ready:\n{LogTail}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"API process {Name} was not ready within {timeout}:\n{LogTail}");
    }

    /// <summary>SIGKILL (the whole tree), then wait until the OS has reaped it.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.WaitForExit(30_000);
    }

    /// <summary>A client signed in as the bootstrap Admin (session cookie + antiforgery header).</summary>
    public async Task<HttpClient> AdminAsync(TimeSpan? timeout = null)
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { email = AdminEmail, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var me = await response.Content.ReadFromJsonAsync<Me>();
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", me!.AntiforgeryToken);
        return client;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        if (_pickupDirectory is not null && Directory.Exists(_pickupDirectory))
        {
            Directory.Delete(_pickupDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log.Enqueue(line);
            while (_log.Count > 200)
            {
                _log.Dequeue();
            }
        }
    }

    private sealed record Me(string AntiforgeryToken);
}

/// <summary>Draft work orders made by the bench data generator (bench/WorkOrders.Bench <c>generate</c>, binary COPY,
/// rows built by the domain's factories) — as many as a test needs, in seconds, as a real child process.</summary>
public static class Drafts
{
    public static async Task<List<Guid>> GenerateAsync(string connectionString, int count, int customers = 20)
    {
        var file = Path.Combine(Path.GetTempPath(), $"workorders-faults-ids-{Guid.NewGuid():N}.txt");
        try
        {
            await BuildOutput.RunAsync("dotnet", [BuildOutput.BenchDll, "generate", "--connection", connectionString,
                "--count", count.ToString(CultureInfo.InvariantCulture), "--customers", customers.ToString(CultureInfo.InvariantCulture),
                "--providers", "2", "--actor", ApiProcess.AdminEmail, "--ids-out", file], TimeSpan.FromMinutes(3));
            return (await File.ReadAllLinesAsync(file)).Where(l => l.Length > 0).Select(Guid.Parse).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>Reads a PostgreSQL database directly (the tests' view of what was committed).</summary>
public static class Sql
{
    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task<List<T>> ListAsync<T>(string connectionString, string sql, Func<Npgsql.NpgsqlDataReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

internal static class TextOf
{
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Join(IEnumerable<string> lines) => new StringBuilder().AppendJoin('\n', lines).ToString();
}
