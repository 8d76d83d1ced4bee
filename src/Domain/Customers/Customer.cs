using WorkOrders.Domain.Common;

namespace WorkOrders.Domain.Customers;

/// <summary>A customer of the service company. Created Active; only an active customer gets new
/// sites, contracts, assets and work orders. Deactivation cascades (see the application's
/// deactivation steps); reactivation restores the customer only.</summary>
public sealed class Customer : AuditableEntity
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    private Customer()
    {
        Name = string.Empty;
        NormalizedName = string.Empty;
        Contact = new Contact(string.Empty, string.Empty, null);
        BillingAddress = Address.Empty;
    }

    public string Name { get; private set; }

    /// <summary>Upper-case invariant form of the name: the case-insensitive search key, identical on every provider.</summary>
    public string NormalizedName { get; private set; }

    public string? Description { get; private set; }
    public Address BillingAddress { get; private set; }

    /// <summary>The primary contact, notified about every work order.</summary>
    public Contact Contact { get; private set; }

    public CustomerStatus Status { get; private set; }
    public DateTime? DeactivatedAt { get; private set; }
    public string? DeactivationReason { get; private set; }

    public bool IsActive => Status == CustomerStatus.Active;

    public static Customer Create(string name, string? description, Address? billingAddress, Contact contact)
    {
        var customer = new Customer { Status = CustomerStatus.Active };
        customer.SetDetails(name, description, billingAddress, contact);
        customer.AddDomainEvent(new CustomerCreated(customer.Id));
        return customer;
    }

    public static string Normalize(string value) => (value ?? string.Empty).Trim().ToUpperInvariant();

    public void Update(string name, string? description, Address? billingAddress, Contact contact) =>
        SetDetails(name, description, billingAddress, contact);

    public void Deactivate(string? reason, DateTime at)
    {
        CheckRule(new CustomerMustBeInStatus(Status, CustomerStatus.Active, "deactivate"));
        Status = CustomerStatus.Deactivated;
        DeactivatedAt = at;
        DeactivationReason = string.IsNullOrWhiteSpace(reason) ? "Customer deactivated" : reason.Trim();
        AddDomainEvent(new CustomerDeactivated(Id, DeactivationReason));
    }

    public void Reactivate()
    {
        CheckRule(new CustomerMustBeInStatus(Status, CustomerStatus.Deactivated, "reactivate"));
        Status = CustomerStatus.Active;
        DeactivatedAt = null;
        DeactivationReason = null;
        AddDomainEvent(new CustomerReactivated(Id));
    }

    /// <summary>Throws a business-rule violation unless the customer may receive new work.</summary>
    public void EnsureAcceptsNewWork(string what) => CheckRule(new CustomerMustBeActiveFor(this, what));

    private void SetDetails(string name, string? description, Address? billingAddress, Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        Name = Guard.Required(name, nameof(Name), NameMaxLength);
        NormalizedName = Normalize(Name);
        Description = Guard.Optional(description, nameof(Description), DescriptionMaxLength);
        BillingAddress = billingAddress ?? Address.Empty;
        Contact = new Contact(
            Guard.Required(contact.Name, "Contact name", 200),
            Guard.Required(contact.Email, "Contact email", 320),
            Guard.Optional(contact.Phone, "Contact phone", 50));
    }
}

public sealed record CustomerCreated(Guid CustomerId) : IDomainEvent;

public sealed record CustomerDeactivated(Guid CustomerId, string Reason) : IDomainEvent;

public sealed record CustomerReactivated(Guid CustomerId) : IDomainEvent;

public sealed class CustomerMustBeInStatus(CustomerStatus actual, CustomerStatus required, string action) : IBusinessRule
{
    public bool IsBroken() => actual != required;

    public string Message => $"Cannot {action} a customer that is {actual}; it must be {required}.";
}

public sealed class CustomerMustBeActiveFor(Customer customer, string what) : IBusinessRule
{
    public bool IsBroken() => !customer.IsActive;

    public string Message => $"Customer '{customer.Name}' is {customer.Status}: it cannot get new {what}.";
}
