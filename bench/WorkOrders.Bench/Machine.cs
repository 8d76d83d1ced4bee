using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace WorkOrders.Bench;

/// <summary>What the figures were measured on.</summary>
internal sealed record Machine(string Cpus, string CpuModel, string Memory, string Os, string Runtime, string Postgres, string PostgresSettings)
{
    public override string ToString() =>
        $"{Cpus} CPUs (nproc), {CpuModel}, {Memory} RAM; {Os}; {Runtime}; {Postgres} ({PostgresSettings}); API, database and client on the same machine";

    public static Machine Describe(NpgsqlDataSource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var cpuModel = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadField("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], CultureInfo.InvariantCulture, out var k)
            ? string.Create(CultureInfo.InvariantCulture, $"{k / 1024.0 / 1024.0:0.0} GiB")
            : "?";
        var os = ReadField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;

        using var connection = database.OpenConnection();
        string Scalar(string sql)
        {
            using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "?";
        }

        var version = Scalar("SHOW server_version").Split(' ')[0];
        var settings = $"fsync={Scalar("SHOW fsync")}, synchronous_commit={Scalar("SHOW synchronous_commit")}, shared_buffers={Scalar("SHOW shared_buffers")}";
        return new Machine(Nproc(), cpuModel, memory, os, $".NET {Environment.Version}", $"PostgreSQL {version}", settings);
    }

    /// <summary>The 1-, 5- and 15-minute load averages: other work on the machine slows both sides.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Nproc()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("nproc") { RedirectStandardOutput = true, UseShellExecute = false });
            var output = process?.StandardOutput.ReadToEnd().Trim();
            process?.WaitForExit();
            return string.IsNullOrEmpty(output) ? Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) : output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string? ReadField(string path, string name, char separator = ':')
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Select(line => line.Split(separator, 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim() == name)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();
    }
}
