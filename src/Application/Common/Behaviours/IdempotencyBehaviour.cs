using System.Security.Cryptography;
using System.Text.Json;

namespace WorkOrders.Application.Common.Behaviours;

/// <summary>Replays the stored answer of an <see cref="IIdempotentCommand"/> already handled for this caller and
/// key. The answer is stored inside the command's transaction (see <see cref="TransactionBehaviour{TRequest,TResponse}"/>),
/// so a concurrent twin loses on the unique key, rolls back, and replays the winner's answer.</summary>
public sealed class IdempotencyBehaviour<TRequest, TResponse>(IIdempotencyStore store, IUser user) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is not IIdempotentCommand { IdempotencyKey: { Length: > 0 } key })
        {
            return await next().ConfigureAwait(false);
        }

        var scope = Scope(user);
        var hash = Hash(request);
        if (await store.FindAsync(scope, key, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return Replay(stored, hash);
        }

        try
        {
            return await next().ConfigureAwait(false);
        }
        catch (Exception ex) when (store.IsDuplicate(ex))
        {
            var winner = await store.FindAsync(scope, key, cancellationToken).ConfigureAwait(false);
            return winner is null ? throw new InvalidOperationException("Idempotency record vanished.", ex) : Replay(winner, hash);
        }
    }

    internal static string Scope(IUser user) => user.Id ?? "anonymous";

    internal static string Hash(TRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, request!.GetType())));

    private static TResponse Replay(StoredResponse stored, string hash) => stored.RequestHash == hash
        ? JsonSerializer.Deserialize<TResponse>(stored.ResponseJson)!
        : throw new IdempotencyKeyReusedException();
}
