using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Domain.UnitTests;

/// <summary>Small builders of valid domain objects; each test changes only what it is about.</summary>
internal static class Make
{
    public static readonly DateTime Now = new(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    public static Contact Contact(string name = "Ada Lovelace", string email = "ada@example.com", string? phone = "+44 20 7946 0000") =>
        new(name, email, phone);

    public static Address Address(string city = "Springfield") => new("1 Main Street", city, "IL", "62701", "US");

    public static Customer Customer(string name = "Northwind Water") =>
        Domain.Customers.Customer.Create(name, "Water utility", Address(), Contact());

    public static Customer DeactivatedCustomer(string name = "Gone Ltd")
    {
        var customer = Customer(name);
        customer.Deactivate("Closed", Now);
        return customer;
    }

    public static CustomerSite Site(Customer customer, string name = "Pump Station 1") =>
        CustomerSite.Create(customer, name, Address("Shelbyville"), Contact("Site Lead", "lead@example.com", null));
}
