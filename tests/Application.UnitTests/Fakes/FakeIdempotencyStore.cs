using WorkOrders.Application.Common.Interfaces;

namespace WorkOrders.Application.UnitTests.Fakes;

/// <summary>An in-memory idempotency store that remembers what was saved and whether a transaction was open then.</summary>
internal sealed class FakeIdempotencyStore(CountingUnitOfWork unitOfWork) : IIdempotencyStore
{
    public List<(string Scope, string Key, string RequestHash, string ResponseJson, bool InTransaction)> Saved { get; } = [];

    public Task<StoredResponse?> FindAsync(string scope, string key, CancellationToken cancellationToken) =>
        Task.FromResult(Saved.Where(s => s.Scope == scope && s.Key == key).Select(s => new StoredResponse(s.RequestHash, s.ResponseJson)).FirstOrDefault());

    public Task SaveAsync(string scope, string key, string requestHash, string responseJson, CancellationToken cancellationToken)
    {
        Saved.Add((scope, key, requestHash, responseJson, unitOfWork.InTransaction));
        return Task.CompletedTask;
    }

    public bool IsDuplicate(Exception exception) => false;
}
