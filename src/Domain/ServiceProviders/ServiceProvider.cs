using WorkOrders.Domain.Common;

namespace WorkOrders.Domain.ServiceProviders;

public enum ServiceProviderKind
{
    InternalTechnician,
    ExternalTechnician,
    PartnerCompany,
}

/// <summary>Who does the work: an internal technician (optionally linked to a user account), an external
/// technician, or a partner company. Only active providers get new assignments.</summary>
public sealed class ServiceProvider : AuditableEntity
{
    private ServiceProvider()
    {
        Name = string.Empty;
        Email = string.Empty;
    }

    public string Name { get; private set; }
    public string Email { get; private set; }
    public string? Phone { get; private set; }
    public ServiceProviderKind Kind { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>The staff user (a Technician) this provider is, for "assigned to me".</summary>
    public string? UserId { get; private set; }

    /// <summary>External technicians and partner companies are paid third parties (payment approval applies).</summary>
    public bool IsThirdParty => Kind != ServiceProviderKind.InternalTechnician;

    public static ServiceProvider Create(string name, string email, string? phone, ServiceProviderKind kind, string? userId)
    {
        var provider = new ServiceProvider { IsActive = true };
        provider.Update(name, email, phone, kind, userId);
        return provider;
    }

    public void Update(string name, string email, string? phone, ServiceProviderKind kind, string? userId)
    {
        Name = Guard.Required(name, nameof(Name), 200);
        Email = Guard.Required(email, nameof(Email), 320);
        Phone = Guard.Optional(phone, nameof(Phone), 50);
        Kind = kind;
        UserId = Guard.Optional(userId, nameof(UserId), 128);
    }

    public void SetActive(bool active) => IsActive = active;

    public void EnsureAssignable() => CheckRule(new ServiceProviderMustBeActive(this));
}

/// <summary>A named group of providers; work can be routed to the team as a whole.</summary>
public sealed class ServiceProviderTeam : AuditableEntity
{
    private readonly List<Guid> _memberIds = [];

    private ServiceProviderTeam()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }
    public bool IsActive { get; private set; }
    public IReadOnlyCollection<Guid> MemberIds => _memberIds.AsReadOnly();

    public static ServiceProviderTeam Create(string name, IEnumerable<ServiceProvider> members)
    {
        var team = new ServiceProviderTeam { IsActive = true };
        team.Update(name, members);
        return team;
    }

    public void Update(string name, IEnumerable<ServiceProvider> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        Name = Guard.Required(name, nameof(Name), 200);
        _memberIds.Clear();
        _memberIds.AddRange(members.Select(m => m.Id).Distinct());
    }

    public void SetActive(bool active) => IsActive = active;

    public void EnsureAssignable() => CheckRule(new ServiceProviderTeamMustBeActive(this));
}

public sealed class ServiceProviderMustBeActive(ServiceProvider provider) : IBusinessRule
{
    public bool IsBroken() => !provider.IsActive;

    public string Message => $"Service provider '{provider.Name}' is inactive: it cannot be assigned work.";
}

public sealed class ServiceProviderTeamMustBeActive(ServiceProviderTeam team) : IBusinessRule
{
    public bool IsBroken() => !team.IsActive;

    public string Message => $"Team '{team.Name}' is inactive: it cannot be assigned work.";
}
