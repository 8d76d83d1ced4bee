using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace WorkOrders.Infrastructure.Persistence;

/// <summary>Recognises "the database is unreachable or busy right now" — as opposed to a bug or a bad request — so
/// the API can answer 503 with Retry-After instead of 500. Provider-specific knowledge stays here: PostgreSQL
/// transient errors (connection refused or broken, server shutting down or starting, too many connections,
/// timeouts), EF Core's <see cref="RetryLimitExceededException"/> once its retries ran out on them, and SQLite's
/// busy/locked. The whole chain of inner exceptions is looked at.</summary>
public static class DatabaseUnavailable
{
    /// <summary>SQLSTATE classes/codes that mean "not now": 08 connection exception, 53 insufficient resources,
    /// 57P01..57P03 admin/crash shutdown and "cannot connect now", 40001/40P01 serialization failure/deadlock.</summary>
    private static readonly string[] UnavailableStates = ["57P01", "57P02", "57P03", "40001", "40P01"];

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                    return true;
                case PostgresException pg:
                    if (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || UnavailableStates.Contains(pg.SqlState, StringComparer.Ordinal))
                    {
                        return true;
                    }

                    return false; // a real error answered by the server (constraint, syntax, …)
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                    return true;
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
                default:
                    break;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
            {
                return true;
            }
        }

        return false;
    }
}
