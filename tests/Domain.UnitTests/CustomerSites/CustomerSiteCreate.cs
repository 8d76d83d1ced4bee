using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Domain.UnitTests.CustomerSites;

public sealed class CustomerSiteCreate
{
    [Fact]
    public void ForActiveCustomer_IsActive_AndBelongsToTheCustomer()
    {
        var customer = Make.Customer();
        var address = Make.Address("Shelbyville");
        var contact = Make.Contact("Site Lead", "lead@example.com", null);

        var site = CustomerSite.Create(customer, "  Pump Station 1  ", address, contact);

        site.CustomerId.ShouldBe(customer.Id);
        site.Name.ShouldBe("Pump Station 1");
        site.Address.ShouldBe(address);
        site.Contact.ShouldBe(contact);
        site.Status.ShouldBe(SiteStatus.Active);
        site.IsActive.ShouldBeTrue();
        site.DeactivatedAt.ShouldBeNull();
        site.DeactivationReason.ShouldBeNull();
    }

    [Fact]
    public void WithoutContact_UsesACopyOfTheCustomersContact()
    {
        var customer = Make.Customer();

        var site = CustomerSite.Create(customer, "Depot", null, null);

        site.Contact.ShouldBe(customer.Contact);
        // An owned value must not be shared by two owners: equal, but another instance.
        site.Contact.ShouldNotBeSameAs(customer.Contact);
    }

    [Fact]
    public void WithoutAddress_HasItsOwnEmptyAddress()
    {
        var customer = Customer.Create("No Address Co", null, null, Make.Contact());

        var site = CustomerSite.Create(customer, "Depot", null, null);

        site.Address.IsEmpty.ShouldBeTrue();
        site.Address.ShouldNotBeSameAs(customer.BillingAddress);
    }

    [Fact]
    public void ForDeactivatedCustomer_IsRefused_WithCustomerMustBeActiveFor()
    {
        var customer = Make.DeactivatedCustomer();

        var ex = Should.Throw<BusinessRuleException>(() => CustomerSite.Create(customer, "Depot", null, null));

        ex.Rule.ShouldBe(nameof(CustomerMustBeActiveFor));
        ex.Message.ShouldContain("sites");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void WithoutName_IsRefused(string name)
    {
        Should.Throw<ArgumentException>(() => CustomerSite.Create(Make.Customer(), name, null, null))
            .ParamName.ShouldBe(nameof(CustomerSite.Name));
    }

    [Fact]
    public void WithTooLongName_IsRefused()
    {
        var name = new string('s', CustomerSite.NameMaxLength + 1);

        Should.Throw<ArgumentException>(() => CustomerSite.Create(Make.Customer(), name, null, null))
            .ParamName.ShouldBe(nameof(CustomerSite.Name));
    }

    [Fact]
    public void WithoutCustomer_IsRefused()
    {
        Should.Throw<ArgumentNullException>(() => CustomerSite.Create(null!, "Depot", null, null));
    }
}
