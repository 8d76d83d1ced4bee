using System.Diagnostics;
using System.Globalization;
using Npgsql;
using WorkOrders.Domain.Assets;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.Contracts;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;
using WorkOrders.Domain.ServiceProviders;
using WorkOrders.Domain.WorkOrders;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Bench;

/// <summary>The data set of the scale benchmark: <c>customers</c> customers, each with a site, a contract and a
/// piece of equipment; service providers of every kind; and <c>workOrders</c> work orders spread over two years,
/// every status, source and provider, with line items and the status history their path through the status
/// machine leaves. Every entity is built by the domain's own factories and transitions; rows go in by binary COPY.
///
/// Loading like a restore: the secondary indexes of the big tables are dropped first and rebuilt once at the end
/// (one sort per index instead of a million inserts into each), and foreign-key triggers are off for the session
/// (<c>session_replication_role = replica</c>: the rows are consistent by construction). Needs a superuser, as the
/// throw-away cluster of scripts/postgres.sh has.</summary>
internal sealed class ScaleGenerator(string connectionString, TextWriter log)
{
    private static readonly string[] Trades = ["Plumbing", "Electric", "Heating", "Cooling", "Meters", "Water", "Gas", "Facilities", "Solar", "Security"];
    private static readonly string[] Towns = ["Springfield", "Riverside", "Fairview", "Madison", "Georgetown", "Clinton", "Salem", "Franklin", "Greenville", "Bristol"];
    private static readonly string[] Jobs = ["Meter inspection", "Boiler service", "Leak repair", "Reconnection", "Disconnection", "Special read", "Pump replacement", "Valve check"];
    private static readonly WorkOrderCategory[] Categories = Enum.GetValues<WorkOrderCategory>();
    private static readonly WorkOrderSource[] Sources = Enum.GetValues<WorkOrderSource>();

    // Target statuses, weighted like a service company's book: most work is done, some is open.
    private static readonly (WorkOrderStatus Status, int Weight)[] StatusWeights =
    [
        (WorkOrderStatus.Draft, 6), (WorkOrderStatus.Published, 8), (WorkOrderStatus.Assigned, 10), (WorkOrderStatus.InProgress, 7),
        (WorkOrderStatus.WaitingParts, 3), (WorkOrderStatus.WaitingOnVendor, 2), (WorkOrderStatus.WaitingOnCustomer, 3),
        (WorkOrderStatus.Completed, 52), (WorkOrderStatus.Cancelled, 9),
    ];

    /// <summary>Loads the data set unless the database already holds at least <paramref name="workOrders"/> work orders.</summary>
    public void Seed(int customers, int providers, int workOrders, Who who, int chunk = 50_000)
    {
        ArgumentNullException.ThrowIfNull(who);
        using var dataSource = NpgsqlDataSource.Create(connectionString);
        using var connection = dataSource.OpenConnection();
        var existing = Scalar<long>(connection, """SELECT count(*) FROM "WorkOrders" """);
        if (existing >= workOrders)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale data: {existing:N0} work orders already loaded; nothing to do"));
            return;
        }

        if (existing > 0)
        {
            throw new InvalidOperationException($"The database holds {existing:N0} work orders, fewer than {workOrders:N0}: reset it first (reset-db).");
        }

        var started = Stopwatch.GetTimestamp();
        ScaleTables tables;
        using (var model = new DataGenerator(connectionString, TextWriter.Null))
        using (var db = model.NewContext())
        {
            tables = ScaleTables.From(db);
        }

        Execute(connection, "SET session_replication_role = replica");
        var indexes = DropSecondaryIndexes(connection, [tables.WorkOrders.Table, tables.History.Table, tables.LineItems.Table]);
        try
        {
            var reference = LoadReferenceData(connection, tables, customers, providers, who);
            LoadWorkOrders(connection, tables, reference, workOrders, who, chunk);
            RebuildIndexes(connection, indexes);
        }
        catch
        {
            log.WriteLine("scale data: failed; rebuilding the dropped indexes");
            RebuildIndexes(connection, indexes);
            throw;
        }
        finally
        {
            Execute(connection, "SET session_replication_role = origin");
        }

        var analyze = Stopwatch.GetTimestamp();
        Execute(connection, "ANALYZE");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ANALYZE in {Stopwatch.GetElapsedTime(analyze).TotalSeconds:0.0} s"));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale data loaded in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
    }

    private sealed record Place(Customer Customer, CustomerSite Site, Contract Contract, Asset Asset);

    private sealed record Reference(IReadOnlyList<Place> Places, IReadOnlyList<ServiceProvider> Providers);

    private Reference LoadReferenceData(NpgsqlConnection connection, ScaleTables tables, int customers, int providers, Who who)
    {
        var started = Stopwatch.GetTimestamp();
        var random = new Random(17);
        var now = DateTime.UtcNow;
        var places = new List<Place>(customers);
        for (var i = 1; i <= customers; i++)
        {
            var n = i.ToString("D5", CultureInfo.InvariantCulture);
            var town = Towns[random.Next(Towns.Length)];
            var address = new Address($"{random.Next(1, 999)} {Trades[i % Trades.Length]} Road", town, "IL", $"6{n[1..]}", "US");
            var name = $"{town} {Trades[random.Next(Trades.Length)]} {n}";
            var customer = DataGenerator.Stamp(Customer.Create(name, null, address, new Contact($"Contact {n}", $"contact{n}@scale.example", "+1 555 0100")), who, now);
            var site = DataGenerator.Stamp(CustomerSite.Create(customer, $"{name} main site", address, null), who, now);
            var contract = DataGenerator.Stamp(Contract.Create(customer, $"C-{n}", "Service agreement", new DateOnly(2024, 1, 1), null), who, now);
            var asset = DataGenerator.Stamp(Asset.Create(customer, site, $"Meter {n}", "MX-200", $"SN{n}"), who, now);
            places.Add(new Place(customer, site, contract, asset));
        }

        var kinds = Enum.GetValues<ServiceProviderKind>();
        var providerList = Enumerable.Range(1, providers).Select(i => DataGenerator.Stamp(ServiceProvider.Create(
            $"Provider {i:D3}", $"provider{i:D3}@scale.example", null, kinds[i % kinds.Length], null), who, now)).ToList();

        using var transaction = connection.BeginTransaction();
        tables.Customers.Write(connection, places.Select(p => p.Customer));
        tables.Sites.Write(connection, places.Select(p => p.Site));
        tables.Contracts.Write(connection, places.Select(p => p.Contract));
        tables.Assets.Write(connection, places.Select(p => p.Asset));
        tables.Providers.Write(connection, providerList);
        transaction.Commit();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {customers:N0} customers with a site, a contract and equipment; {providers} service providers ({Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s)"));
        return new Reference(places, providerList);
    }

    private void LoadWorkOrders(NpgsqlConnection connection, ScaleTables tables, Reference reference, int count, Who who, int chunk)
    {
        var started = Stopwatch.GetTimestamp();
        var bar = new ProgressBar(log, "work orders", count, enabled: true);
        var random = new Random(42);
        var totalWeight = StatusWeights.Sum(w => w.Weight);
        var now = DateTime.UtcNow;
        long lineItems = 0, history = 0;

        var first = DataGenerator.ReserveNumbers(connection, count);

        for (var done = 0; done < count;)
        {
            var size = Math.Min(chunk, count - done);
            var orders = new List<WorkOrder>(size);
            for (var i = 0; i < size; i++)
            {
                orders.Add(Build(first + done + i, reference, random, PickStatus(random, totalWeight), now, who));
            }

            using var transaction = connection.BeginTransaction();
            tables.WorkOrders.Write(connection, orders);
            history += (long)tables.History.Write(connection, orders.SelectMany(o => o.History));
            lineItems += (long)tables.LineItems.Write(connection, orders.SelectMany(o => o.LineItems));
            transaction.Commit();
            done += size;
            bar.Report(done);
        }

        bar.Done(string.Create(CultureInfo.InvariantCulture,
            $"{count:N0} work orders, {history:N0} status changes, {lineItems:N0} line items"), Stopwatch.GetElapsedTime(started));
    }

    private static WorkOrderStatus PickStatus(Random random, int totalWeight)
    {
        var roll = random.Next(totalWeight);
        foreach (var (status, weight) in StatusWeights)
        {
            if ((roll -= weight) < 0)
            {
                return status;
            }
        }

        return WorkOrderStatus.Completed;
    }

    /// <summary>One work order, walked through the status machine to <paramref name="target"/> by the domain's transitions.</summary>
    private static WorkOrder Build(long number, Reference reference, Random random, WorkOrderStatus target, DateTime now, Who who)
    {
        var place = reference.Places[random.Next(reference.Places.Count)];
        var created = now.AddMinutes(-random.Next(1, 730 * 24 * 60));
        var at = created;
        Actor Next(int maxHours)
        {
            at = at.AddMinutes(random.Next(5, maxHours * 60));
            return new Actor(who.UserId, who.Name, at > now ? now : at);
        }

        var source = target == WorkOrderStatus.Draft || random.Next(3) == 0 ? WorkOrderSource.Office : Sources[random.Next(Sources.Length)];
        var scheduled = random.Next(10) < 7 ? created.Date.AddDays(random.Next(1, 21)).AddHours(8 + random.Next(9)) : (DateTime?)null;
        var details = new WorkOrderDetails(
            $"{Jobs[random.Next(Jobs.Length)]} #{number}", "Inspect the installation and service it", null, null, Categories[random.Next(Categories.Length)],
            scheduled, scheduled?.AddHours(2), random.Next(2) == 0 ? [place.Asset.Id] : []);
        var requester = source is WorkOrderSource.Email or WorkOrderSource.Phone ? new Requester("Pat Requester", "pat@scale.example") : null;
        var order = WorkOrder.Create(number, place.Customer, place.Site, random.Next(3) == 0 ? place.Contract : null, details, source, requester,
            new Actor(who.UserId, who.Name, created));
        for (var items = random.Next(3); items > 0; items--)
        {
            order.AddLineItem("Replace worn part", random.Next(1, 9) / 2m, random.Next(0, 400), 85m, created);
        }

        var cancelAt = target == WorkOrderStatus.Cancelled ? (WorkOrderStatus)random.Next((int)WorkOrderStatus.InProgress + 1) : (WorkOrderStatus?)null;
        bool Reached(WorkOrderStatus status) => order.Status == (cancelAt ?? target) && order.Status == status;

        if (order.Status == WorkOrderStatus.Draft && !Reached(WorkOrderStatus.Draft))
        {
            order.Publish(Next(48));
        }

        if (order.Status == WorkOrderStatus.Published && !Reached(WorkOrderStatus.Published))
        {
            if (random.Next(20) == 0)
            {
                order.SendToWorkMarket(Next(72));
            }
            else
            {
                order.AssignToProvider(reference.Providers[random.Next(reference.Providers.Count)], Next(72));
            }
        }

        if (order.Status == WorkOrderStatus.Assigned && !Reached(WorkOrderStatus.Assigned))
        {
            order.Start(Next(240));
        }

        if (order.Status == WorkOrderStatus.InProgress && !Reached(WorkOrderStatus.InProgress))
        {
            var wait = target switch
            {
                WorkOrderStatus.WaitingParts => WorkOrderAction.WaitForParts,
                WorkOrderStatus.WaitingOnVendor => WorkOrderAction.WaitForVendor,
                WorkOrderStatus.WaitingOnCustomer => WorkOrderAction.WaitForCustomer,
                _ => random.Next(8) == 0 ? WorkOrderAction.WaitForParts : (WorkOrderAction?)null,
            };
            if (wait is { } waitAction)
            {
                order.Wait(waitAction, Next(8), "Waiting");
                if (target == WorkOrderStatus.Completed)
                {
                    order.Resume(Next(96), "Resumed");
                }
            }

            if (target == WorkOrderStatus.Completed)
            {
                order.Complete(Next(8), "Serviced and tested");
                var invoice = random.Next(10);
                if (invoice < 6)
                {
                    order.SetInvoiceStatus(invoice == 0 ? InvoiceStatus.NotRequired : InvoiceStatus.Yes);
                }
            }
        }

        if (cancelAt is not null)
        {
            order.Cancel(Next(72), "Customer cancelled");
        }

        if (order.Status != target)
        {
            throw new InvalidOperationException($"Generated {order.DisplayNumber} ended {order.Status}, wanted {target}.");
        }

        order.CreatedAt = created;
        order.CreatedBy = who.UserId;
        order.Version = 1;
        if (order.History.Count > 1)
        {
            order.UpdatedAt = order.StatusChangedAt;
            order.UpdatedBy = who.UserId;
        }

        order.ClearDomainEvents();
        return order;
    }

    private List<(string Name, string Definition)> DropSecondaryIndexes(NpgsqlConnection connection, string[] bigTables)
    {
        var indexes = new List<(string, string)>();
        using (var query = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            ORDER BY i.indexname
            """, connection))
        {
            query.Parameters.AddWithValue("tables", bigTables);
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Execute(connection, $"DROP INDEX \"{name}\"");
        }

        log.WriteLine($"  dropped {indexes.Count} secondary indexes of {string.Join(", ", bigTables)} for the load");
        return indexes;
    }

    private void RebuildIndexes(NpgsqlConnection connection, List<(string Name, string Definition)> indexes)
    {
        var started = Stopwatch.GetTimestamp();
        Execute(connection, "SET maintenance_work_mem = '512MB'");
        Execute(connection, "SET max_parallel_maintenance_workers = 2");
        foreach (var (_, definition) in indexes)
        {
            Execute(connection, definition.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
                .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal));
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rebuilt {indexes.Count} indexes in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }
}

/// <summary>The tables the scale generator writes, from the application's model.</summary>
internal sealed class ScaleTables
{
    private ScaleTables(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        Customers = CopyTable.For<Customer>(model);
        Sites = CopyTable.For<CustomerSite>(model);
        Contracts = CopyTable.For<Contract>(model);
        Assets = CopyTable.For<Asset>(model);
        Providers = CopyTable.For<ServiceProvider>(model);
        WorkOrders = CopyTable.For<WorkOrder>(model);
        History = CopyTable.For<StatusChange>(model);
        LineItems = CopyTable.For<LineItem>(model);
    }

    public CopyTable Customers { get; }
    public CopyTable Sites { get; }
    public CopyTable Contracts { get; }
    public CopyTable Assets { get; }
    public CopyTable Providers { get; }
    public CopyTable WorkOrders { get; }
    public CopyTable History { get; }
    public CopyTable LineItems { get; }

    public static ScaleTables From(Microsoft.EntityFrameworkCore.DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new ScaleTables(db.Model);
    }
}
