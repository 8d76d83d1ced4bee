using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using WorkOrders.Application.Common.Interfaces;

namespace WorkOrders.Infrastructure.Persistence;

/// <summary>Work-order numbers from the counter row: <c>UPDATE … RETURNING</c> (PostgreSQL and SQLite ≥ 3.35 alike).
/// The row stays locked until the caller's transaction ends, so numbers are sequential and never reused;
/// a rolled-back create returns its number.</summary>
public sealed class WorkOrderNumbers(AppDbContext db) : IWorkOrderNumbers
{
    public async Task<long> ReserveAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = """UPDATE "Counters" SET "Value" = "Value" + @count WHERE "Name" = @name RETURNING "Value";""";
            Add(command, "@count", (long)count);
            Add(command, "@name", Counter.WorkOrderNumbers);
            var last = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            return last - count + 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
