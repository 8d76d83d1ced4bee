using WorkOrders.Domain.Common;

namespace WorkOrders.Domain.UnitTests.Customers;

public sealed class CustomerUpdate
{
    [Fact]
    public void ReplacesDetails_TrimmedAndNormalized()
    {
        var customer = Make.Customer("Old Name");
        var address = Make.Address("New Town");

        customer.Update("  New name  ", "  New description ", address, new Contact(" Bob ", " bob@example.com ", " 555 "));

        customer.Name.ShouldBe("New name");
        customer.NormalizedName.ShouldBe("NEW NAME");
        customer.Description.ShouldBe("New description");
        customer.BillingAddress.ShouldBe(address);
        customer.Contact.ShouldBe(new Contact("Bob", "bob@example.com", "555"));
    }

    [Fact]
    public void WithoutBillingAddress_ClearsIt()
    {
        var customer = Make.Customer();
        customer.BillingAddress.IsEmpty.ShouldBeFalse();

        customer.Update(customer.Name, null, null, Make.Contact());

        customer.BillingAddress.IsEmpty.ShouldBeTrue();
        customer.Description.ShouldBeNull();
    }

    [Fact]
    public void KeepsStatus_AndRaisesNoEvent()
    {
        var customer = Make.Customer();
        customer.ClearDomainEvents();

        customer.Update("Renamed", null, null, Make.Contact());

        customer.Status.ShouldBe(Domain.Customers.CustomerStatus.Active);
        customer.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WithBlankName_IsRefused_AndChangesNothing()
    {
        var customer = Make.Customer("Kept Name");

        Should.Throw<ArgumentException>(() => customer.Update(" ", null, null, Make.Contact()));

        customer.Name.ShouldBe("Kept Name");
        customer.NormalizedName.ShouldBe("KEPT NAME");
    }

    [Fact]
    public void WithoutContact_IsRefused()
    {
        var customer = Make.Customer();

        Should.Throw<ArgumentNullException>(() => customer.Update("Acme", null, null, null!));
    }
}
