using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace WorkOrders.WorkMarket.Sandbox;

/// <summary>One assignment as the sandbox keeps it.</summary>
public sealed class SandboxAssignment
{
    public required string Id { get; init; }
    public string? ExternalWorkId { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = string.Empty;
    public long IndustryId { get; init; }
    public long? ScheduledStart { get; init; }
    public long? ScheduledEnd { get; init; }
    public string PricingType { get; init; } = "flat";
    public decimal? FlatPrice { get; init; }
    public Dictionary<string, string> Location { get; init; } = [];
    public string Status { get; set; } = "draft";
    public string? ActiveResource { get; set; }
    public List<long> Groups { get; } = [];
    public List<string> Resources { get; } = [];
    public int SendCount { get; set; }
    public long CreatedOn { get; init; }
    public long ModifiedOn { get; set; }
    public long? PaidOn { get; set; }
    public List<SandboxHistory> History { get; } = [];
}

public sealed record SandboxHistory(long Date, string Status, string Note);

/// <summary>A status change, for the webhook.</summary>
public sealed record SandboxStatusChange(SandboxAssignment Assignment, string Event, string Status);

/// <summary>The sandbox's state, in memory: assignments, access tokens, counters. Thread-safe by one lock.</summary>
public sealed class SandboxStore(TimeProvider clock)
{
    /// <summary>The status machine: from → the statuses a transition may lead to.</summary>
    private static readonly Dictionary<string, string[]> Transitions = new(StringComparer.Ordinal)
    {
        ["draft"] = ["sent", "void", "deleted"],
        ["sent"] = ["sent", "active", "declined", "void"],
        ["declined"] = ["sent", "void"],
        ["active"] = ["complete", "cancelled", "cancelledWithPay", "cancelledPayPending"],
        ["complete"] = ["active", "paymentPending", "paid"],
        ["paymentPending"] = ["paid"],
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SandboxAssignment> _assignments = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private long _nextId = 100_000_000;
    private long _lastModified;
    private int _authorizations;

    public event Action<SandboxStatusChange>? StatusChanged;

    public int Authorizations => Volatile.Read(ref _authorizations);

    public long NowMilliseconds()
    {
        lock (_gate)
        {
            return NextTimestamp();
        }
    }

    /// <summary>Now, or the latest change if that is later (read under the lock: no change can be stamped at or before it afterwards).</summary>
    public long LatestTimestamp()
    {
        lock (_gate)
        {
            _lastModified = Math.Max(clock.GetUtcNow().ToUnixTimeMilliseconds(), _lastModified);
            return _lastModified;
        }
    }

    public string IssueToken(TimeSpan lifetime)
    {
        Interlocked.Increment(ref _authorizations);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _tokens[token] = clock.GetUtcNow() + lifetime;
        return token;
    }

    public bool IsValidToken(string? token) =>
        token is not null && _tokens.TryGetValue(token, out var expires) && expires > clock.GetUtcNow();

    /// <summary>Every issued token stops working (the next call answers 401).</summary>
    public void ExpireTokens() => _tokens.Clear();

    public void CountRequest(string path) => _requests.AddOrUpdate(path, 1, (_, n) => n + 1);

    public IReadOnlyDictionary<string, int> RequestCounts() => new Dictionary<string, int>(_requests, StringComparer.Ordinal);

    public int RequestCount(string pathSuffix) => _requests.Where(r => r.Key.EndsWith(pathSuffix, StringComparison.Ordinal)).Sum(r => r.Value);

    public SandboxAssignment Create(Func<string, long, SandboxAssignment> make)
    {
        lock (_gate)
        {
            var id = (++_nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var now = NextTimestamp();
            var assignment = make(id, now);
            assignment.ModifiedOn = now;
            assignment.History.Add(new SandboxHistory(now, "draft", "Created"));
            _assignments[id] = assignment;
            return assignment;
        }
    }

    public SandboxAssignment? Get(string id)
    {
        lock (_gate)
        {
            return _assignments.GetValueOrDefault(id);
        }
    }

    public List<SandboxAssignment> All()
    {
        lock (_gate)
        {
            return [.. _assignments.Values.OrderBy(a => a.CreatedOn)];
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _assignments.Count;
            }
        }
    }

    /// <summary>Moves an assignment along the status machine; null when it does not exist; an error text when the
    /// transition is not allowed.</summary>
    public string? Transition(string id, string to, string @event, string note, Action<SandboxAssignment>? apply = null)
    {
        SandboxStatusChange change;
        lock (_gate)
        {
            if (!_assignments.TryGetValue(id, out var assignment))
            {
                return $"Assignment {id} not found";
            }

            if (!Transitions.TryGetValue(assignment.Status, out var allowed) || !allowed.Contains(to))
            {
                return $"Assignment {id} is {assignment.Status}: cannot become {to}";
            }

            apply?.Invoke(assignment);
            var from = assignment.Status;
            assignment.Status = to;
            assignment.ModifiedOn = NextTimestamp();
            assignment.History.Add(new SandboxHistory(assignment.ModifiedOn, to, note));
            if (from == to)
            {
                return null;
            }

            change = new SandboxStatusChange(assignment, @event, to);
        }

        StatusChanged?.Invoke(change);
        return null;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _assignments.Clear();
            _requests.Clear();
            _tokens.Clear();
            Interlocked.Exchange(ref _authorizations, 0);
        }
    }

    /// <summary>Strictly increasing milliseconds, so <c>modified_since</c> cursors never miss a change.</summary>
    private long NextTimestamp()
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        _lastModified = Math.Max(now, _lastModified + 1);
        return _lastModified;
    }
}
