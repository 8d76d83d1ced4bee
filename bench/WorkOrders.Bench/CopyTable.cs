using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using WorkOrders.Domain.Common;

namespace WorkOrders.Bench;

/// <summary>Writes entities to their table by PostgreSQL binary COPY, with the columns, column types and value
/// converters of the application's own EF model (enums as strings, UTC times, owned types such as Address and
/// Contact flattened into their columns) — so the rows are exactly what the application's SaveChanges writes.</summary>
internal sealed partial class CopyTable
{
    private static readonly JsonSerializerOptions AuditJson = new() { WriteIndented = false };

    private readonly Column[] _columns;
    private readonly AuditValue[] _auditValues;

    private CopyTable(string table, string entityName, Column[] columns, AuditValue[] auditValues)
    {
        Table = table;
        EntityName = entityName;
        _columns = columns;
        _auditValues = auditValues;
    }

    public string Table { get; }

    /// <summary>The CLR type name: what the audit trail records as EntityType.</summary>
    public string EntityName { get; }

    public IReadOnlyList<string> ColumnNames => Array.ConvertAll(_columns, c => c.Name);

    public static CopyTable For<T>(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        var columns = new List<Column>();
        var audit = new List<AuditValue>();
        Collect(entity, table, owner: e => e, prefix: string.Empty, owned: false, columns, audit);
        return new CopyTable(tableName, typeof(T).Name, [.. columns], [.. audit]);
    }

    /// <summary>COPY the rows in the connection's current transaction; returns the number of rows written.</summary>
    public ulong Write(NpgsqlConnection connection, IEnumerable<object> rows)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        var columns = string.Join(", ", _columns.Select(c => $"\"{c.Name}\""));
        using var importer = connection.BeginBinaryImport($"COPY \"{Table}\" ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var column in _columns)
            {
                if (column.Value(row) is { } value)
                {
                    importer.Write(value, column.DataType);
                }
                else
                {
                    importer.WriteNull();
                }
            }
        }

        return importer.Complete();
    }

    /// <summary>The "Created" audit row the application's AuditingInterceptor writes for a new entity: every
    /// property but the key, shadow properties and the audit fields, as JSON, keys in ordinal order.</summary>
    public AuditEntry CreatedAudit(AuditableEntity entity, string? userId, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var value in _auditValues)
        {
            values[value.Name] = value.Read(entity);
        }

        return new AuditEntry(at, userId, EntityName, entity.Id, "Created", values.Count == 0 ? null : JsonSerializer.Serialize(values, AuditJson));
    }

    private static void Collect(
        IEntityType type, StoreObjectIdentifier table, Func<object, object?> owner, string prefix, bool owned, List<Column> columns, List<AuditValue> audit)
    {
        foreach (var property in type.GetProperties())
        {
            // An owned type shares its owner's key column: written once, by the owner.
            if (owned && property.IsPrimaryKey())
            {
                continue;
            }

            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"{type.DisplayName()}.{property.Name} is a shadow property: the generator does not know its value.");
            }

            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            object? Clr(object row) => owner(row) is { } o ? getter.GetClrValue(o) : null;
            object? Provider(object row)
            {
                var value = Clr(row);
                if (value is not null && converter is not null)
                {
                    value = converter.ConvertToProvider(value);
                }

                // Primitive collections (uuid[]): Npgsql writes arrays.
                return value is IEnumerable<Guid> guids and not Guid[] ? guids.ToArray() : value;
            }

            var name = property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column in {table.Name}.");
            columns.Add(new Column(name, ParenthesesPattern().Replace(property.GetColumnType(), string.Empty), Provider));
            if (!property.IsPrimaryKey() && !IsAuditField(property.Name))
            {
                audit.Add(new AuditValue(prefix + property.Name, Clr));
            }
        }

        foreach (var navigation in type.GetNavigations().Where(n => !n.IsCollection && n.TargetEntityType.IsOwned()))
        {
            var getter = navigation.GetGetter();
            Collect(navigation.TargetEntityType, table, row => owner(row) is { } o ? getter.GetClrValue(o) : null,
                prefix + navigation.Name + ".", owned: true, columns, audit);
        }
    }

    private static bool IsAuditField(string name) => name is nameof(AuditableEntity.CreatedAt) or nameof(AuditableEntity.CreatedBy)
        or nameof(AuditableEntity.UpdatedAt) or nameof(AuditableEntity.UpdatedBy) or nameof(AuditableEntity.Version);

    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex ParenthesesPattern();

    private sealed record Column(string Name, string DataType, Func<object, object?> Value);

    private sealed record AuditValue(string Name, Func<object, object?> Read);
}

/// <summary>The tables the generator writes, from the application's model.</summary>
internal sealed class Tables
{
    private Tables(IModel model)
    {
        Customers = CopyTable.For<Domain.Customers.Customer>(model);
        Sites = CopyTable.For<Domain.CustomerSites.CustomerSite>(model);
        Providers = CopyTable.For<Domain.ServiceProviders.ServiceProvider>(model);
        WorkOrders = CopyTable.For<Domain.WorkOrders.WorkOrder>(model);
        History = CopyTable.For<Domain.WorkOrders.StatusChange>(model);
        Audit = CopyTable.For<AuditEntry>(model);
    }

    public CopyTable Customers { get; }
    public CopyTable Sites { get; }
    public CopyTable Providers { get; }
    public CopyTable WorkOrders { get; }
    public CopyTable History { get; }
    public CopyTable Audit { get; }

    public static Tables From(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new Tables(db.Model);
    }

    /// <summary>Fails when the database has a column the model does not know (a migration the generator would
    /// silently fill with defaults), or the other way round.</summary>
    public static void CheckAgainstDatabase(NpgsqlConnection connection, params CopyTable[] tables)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var table in tables)
        {
            using var command = new NpgsqlCommand("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t", connection);
            command.Parameters.AddWithValue("t", table.Table);
            var inDatabase = new HashSet<string>(StringComparer.Ordinal);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    inDatabase.Add(reader.GetString(0));
                }
            }

            var inModel = table.ColumnNames.ToHashSet(StringComparer.Ordinal);
            if (!inDatabase.SetEquals(inModel))
            {
                throw new InvalidOperationException(
                    $"Table \"{table.Table}\": database columns [{string.Join(", ", inDatabase.Except(inModel))}] not in the model, "
                    + $"model columns [{string.Join(", ", inModel.Except(inDatabase))}] not in the database. Are the migrations applied?");
            }
        }
    }
}
