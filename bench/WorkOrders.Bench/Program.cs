using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using WorkOrders.Bench;

// WorkOrders.Bench: the data generator and the benchmark runners of bench/ (see bench/README.md).
//
//   reset-db  --connection <server connection string> --database <name> [--log-statements true]
//             drops the database (if any) and creates it empty (optionally logging every statement with its duration)
//   generate  --connection <cs> --count <N> [--customers 20] [--providers 5] [--actor <e-mail>] [--ids-out <file>]
//             N Draft work orders (+ customers, sites and providers when the database has none), by binary COPY
//   seed      --connection <cs> [--customers 10000] [--providers 50] [--count 1000000] [--actor <e-mail>]
//             the scale data set (customers with sites, contracts and equipment; work orders in every status with
//             line items and history), by binary COPY; does nothing when the database already holds that many
//   bulk      --connection <cs> --api <url> --email <e> --password <p> [--rounds 5] [--warmup 1] [--count 10000] [--out <file>] [--revision <text>]
//             the bulk benchmark: API vs raw SQL, median of the rounds, a Markdown report
var command = args.FirstOrDefault();
var options = Options.Parse(args.Skip(1));
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    switch (command)
    {
        case "reset-db":
            ResetDatabase(options.Required("connection"), options.Required("database"), options.Optional("log-statements") == "true");
            break;
        case "generate":
        {
            using var generator = new DataGenerator(options.Required("connection"), Console.Out);
            var who = generator.FindUser(options.Optional("actor"));
            var data = generator.EnsureReferenceData(options.Int("customers", 20), options.Int("providers", 5), who);
            var ids = generator.GenerateWorkOrders(data, options.Int("count", 10_000), who);
            if (options.Optional("ids-out") is { } file)
            {
                await File.WriteAllLinesAsync(file, ids.Select(id => id.ToString()), cancel.Token);
            }

            break;
        }

        case "seed":
        {
            var connection = options.Required("connection");
            Who who;
            using (var users = new DataGenerator(connection, TextWriter.Null))
            {
                who = users.FindUser(options.Optional("actor"));
            }

            new ScaleGenerator(connection, Console.Out).Seed(options.Int("customers", 10_000), options.Int("providers", 50), options.Int("count", 1_000_000), who);
            break;
        }

        case "bulk":
            await BulkBenchmark.RunAsync(
                new BulkOptions(
                    options.Required("connection"), new Uri(options.Required("api").TrimEnd('/') + "/"), options.Required("email"), options.Required("password"),
                    options.Int("rounds", 5), options.Int("warmup", 1), options.Int("count", 10_000), options.Int("customers", 20), options.Int("providers", 5),
                    options.Optional("out"), options.Optional("revision") ?? "an unknown revision"),
                Console.Out,
                cancel.Token);
            break;
        default:
            Console.Error.WriteLine("usage: WorkOrders.Bench reset-db|generate|bulk --option value ... (see the top of bench/WorkOrders.Bench/Program.cs)");
            return 2;
    }

    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NpgsqlException or HttpRequestException or OperationCanceledException)
{
    Console.Error.WriteLine($"bench: {ex.Message}");
    return 1;
}

static void ResetDatabase(string server, string database, bool logStatements)
{
    if (!Regex.IsMatch(database, "^[a-z_][a-z0-9_]{0,62}$", RegexOptions.None, TimeSpan.FromSeconds(1)))
    {
        throw new ArgumentException($"'{database}' is not a plain lower-case database name.", nameof(database));
    }

    var builder = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
    using var connection = new NpgsqlConnection(builder.ConnectionString);
    connection.Open();
    string[] statements = [$"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", $"CREATE DATABASE \"{database}\""];
    if (logStatements)
    {
        // Profiling: the server logs every statement of this database (COPY and COMMIT included) with its duration.
        statements = [.. statements, $"ALTER DATABASE \"{database}\" SET log_min_duration_statement = 0", $"ALTER DATABASE \"{database}\" SET log_parameter_max_length = 0"];
    }

    foreach (var sql in statements)
    {
        using var statement = new NpgsqlCommand(sql, connection);
        statement.ExecuteNonQuery();
    }

    Console.WriteLine($"database {database}: created empty on {builder.Host}:{builder.Port}");
}

/// <summary>--name value pairs.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values;

    private Options(Dictionary<string, string> values) => _values = values;

    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current.StartsWith("--", StringComparison.Ordinal) ? e.Current[2..] : throw new ArgumentException($"Expected --option, got '{e.Current}'.");
            values[name] = e.MoveNext() ? e.Current : throw new ArgumentException($"--{name} needs a value.");
        }

        return new Options(values);
    }

    public string Required(string name) => Optional(name) ?? throw new ArgumentException($"--{name} is required.");

    public string? Optional(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public int Int(string name, int fallback) => Optional(name) is { } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : throw new ArgumentException($"--{name} must be a whole number.")
        : fallback;
}
