using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkOrders.Application.Common.Interfaces;

namespace WorkOrders.Infrastructure.Persistence.Idempotency;

public sealed class IdempotencyStore(AppDbContext db, TimeProvider clock) : IIdempotencyStore
{
    public async Task<StoredResponse?> FindAsync(string scope, string key, CancellationToken cancellationToken) =>
        await db.Set<IdempotencyRecord>().AsNoTracking()
            .Where(r => r.Scope == scope && r.Key == key)
            .Select(r => new StoredResponse(r.RequestHash, r.ResponseJson))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    public async Task SaveAsync(string scope, string key, string requestHash, string responseJson, CancellationToken cancellationToken)
    {
        db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
        {
            Scope = scope,
            Key = key,
            RequestHash = requestHash,
            ResponseJson = responseJson,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public bool IsDuplicate(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: var name } && name?.Contains("Idempotency", StringComparison.Ordinal) == true)
            {
                return true;
            }

            if (e is SqliteException { SqliteErrorCode: 19 } sqlite && sqlite.Message.Contains("IdempotencyRecords", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
