using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace WorkOrders.Infrastructure.Persistence.Bulk;

/// <summary>Inserts many rows of a simple entity (no owned types) in the current transaction: PostgreSQL binary
/// COPY (one round trip, column types from the EF model), or on SQLite EF's batched inserts (SQLite is
/// in-process: a statement costs microseconds).</summary>
public sealed class BulkInserter(AppDbContext db)
{
    public async Task InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        if (db.IsSqlite)
        {
            var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                db.Set<T>().AddRange(rows);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = tracking;
            }

            foreach (var row in rows)
            {
                db.Entry(row).State = EntityState.Detached;
            }

            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var types = properties.ToDictionary(p => p, p => System.Text.RegularExpressions.Regex.Replace(p.GetColumnType(), @"\(.*\)", string.Empty));
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));

        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY \"{entity.GetTableName()}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                foreach (var property in properties)
                {
                    var value = property.PropertyInfo?.GetValue(row) ?? property.FieldInfo?.GetValue(row);
                    if (value is not null && property.GetTypeMapping().Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await importer.WriteAsync(value, types[property], cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
