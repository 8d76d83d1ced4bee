using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Domain.Assets;

/// <summary>Equipment of a customer, located at one of its sites; work orders list the equipment to service.</summary>
public sealed class Asset : AuditableEntity
{
    private Asset()
    {
        Name = string.Empty;
    }

    public Guid CustomerId { get; private set; }
    public Guid SiteId { get; private set; }
    public string Name { get; private set; }
    public string? Model { get; private set; }
    public string? SerialNumber { get; private set; }

    public static Asset Create(Customer customer, CustomerSite site, string name, string? model, string? serialNumber)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(site);
        customer.EnsureAcceptsNewWork("assets");
        CheckRule(new SiteMustBelongToCustomer(site, customer));
        site.EnsureAcceptsNewWork("assets");
        return new Asset
        {
            CustomerId = customer.Id,
            SiteId = site.Id,
            Name = Guard.Required(name, nameof(Name), 200),
            Model = Guard.Optional(model, nameof(Model), 200),
            SerialNumber = Guard.Optional(serialNumber, nameof(SerialNumber), 100),
        };
    }
}

public sealed class SiteMustBelongToCustomer(CustomerSite site, Customer customer) : IBusinessRule
{
    public bool IsBroken() => site.CustomerId != customer.Id;

    public string Message => $"Site '{site.Name}' does not belong to customer '{customer.Name}'.";
}
