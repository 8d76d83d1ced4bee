using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Domain.CustomerSites;

/// <summary>A place where work is performed and assets are located; belongs to one customer.</summary>
public sealed class CustomerSite : AuditableEntity
{
    public const int NameMaxLength = 200;

    private CustomerSite()
    {
        Name = string.Empty;
        Address = Address.Empty;
        Contact = new Contact(string.Empty, string.Empty, null);
    }

    public Guid CustomerId { get; private set; }
    public string Name { get; private set; }
    public Address Address { get; private set; }
    public Contact Contact { get; private set; }
    public SiteStatus Status { get; private set; }
    public DateTime? DeactivatedAt { get; private set; }
    public string? DeactivationReason { get; private set; }

    public bool IsActive => Status == SiteStatus.Active;

    /// <summary>Creates a site for an active customer; the contact defaults to the customer's primary contact.</summary>
    public static CustomerSite Create(Customer customer, string name, Address? address, Contact? contact)
    {
        ArgumentNullException.ThrowIfNull(customer);
        customer.EnsureAcceptsNewWork("sites");
        var site = new CustomerSite
        {
            CustomerId = customer.Id,
            Name = Guard.Required(name, nameof(Name), NameMaxLength),
            Address = address ?? Address.Empty,
            Contact = contact ?? customer.Contact with { },
            Status = SiteStatus.Active,
        };
        return site;
    }

    public void Deactivate(string? reason, DateTime at)
    {
        CheckRule(new SiteMustBeInStatus(Status, SiteStatus.Active, "deactivate"));
        Status = SiteStatus.Deactivated;
        DeactivatedAt = at;
        DeactivationReason = string.IsNullOrWhiteSpace(reason) ? "Site deactivated" : reason.Trim();
    }

    /// <summary>Reactivates the site; its customer must be active.</summary>
    public void Reactivate(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        CheckRule(new SiteMustBeInStatus(Status, SiteStatus.Deactivated, "reactivate"));
        customer.EnsureAcceptsNewWork("reactivated sites");
        Status = SiteStatus.Active;
        DeactivatedAt = null;
        DeactivationReason = null;
    }

    public void EnsureAcceptsNewWork(string what) => CheckRule(new SiteMustBeActiveFor(this, what));
}

public sealed class SiteMustBeInStatus(SiteStatus actual, SiteStatus required, string action) : IBusinessRule
{
    public bool IsBroken() => actual != required;

    public string Message => $"Cannot {action} a site that is {actual}; it must be {required}.";
}

public sealed class SiteMustBeActiveFor(CustomerSite site, string what) : IBusinessRule
{
    public bool IsBroken() => !site.IsActive;

    public string Message => $"Site '{site.Name}' is {site.Status}: it cannot get new {what}.";
}
