using WorkOrders.Domain.Common;

namespace WorkOrders.Domain.Partners;

/// <summary>A partner system's credential. Only its SHA-256 hash is stored; the key is shown once at
/// creation. It grants the partner role for the customers in its scope.</summary>
public sealed class ApiKey : AuditableEntity
{
    private readonly List<Guid> _customerIds = [];

    private ApiKey()
    {
        Name = string.Empty;
        Prefix = string.Empty;
        KeyHash = string.Empty;
    }

    public string Name { get; private set; }

    /// <summary>The first characters of the key, shown in lists so a key can be recognised.</summary>
    public string Prefix { get; private set; }

    public string KeyHash { get; private set; }

    public IReadOnlyCollection<Guid> CustomerIds => _customerIds.AsReadOnly();

    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static ApiKey Create(string name, string prefix, string keyHash, IEnumerable<Guid> customerIds)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var key = new ApiKey
        {
            Name = Guard.Required(name, nameof(Name), 200),
            Prefix = Guard.Required(prefix, nameof(Prefix), 16),
            KeyHash = Guard.Required(keyHash, nameof(KeyHash), 128),
        };
        key._customerIds.AddRange(customerIds.Distinct());
        CheckRule(new ApiKeyMustHaveScope(key._customerIds.Count));
        return key;
    }

    public void Revoke(DateTime at)
    {
        CheckRule(new ApiKeyMustNotBeRevoked(IsRevoked));
        RevokedAt = at;
    }

    public bool Grants(Guid customerId) => !IsRevoked && _customerIds.Contains(customerId);
}

public sealed class ApiKeyMustHaveScope(int customers) : IBusinessRule
{
    public bool IsBroken() => customers == 0;

    public string Message => "An API key must be scoped to at least one customer.";
}

public sealed class ApiKeyMustNotBeRevoked(bool revoked) : IBusinessRule
{
    public bool IsBroken() => revoked;

    public string Message => "The API key is already revoked.";
}
