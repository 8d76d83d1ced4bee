using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Domain.UnitTests.Customers;

public sealed class CustomerCreate
{
    [Fact]
    public void WithValidDetails_IsActive_AndRaisesCustomerCreated()
    {
        var customer = Customer.Create("Northwind Water", "Water utility", Make.Address(), Make.Contact());

        customer.Status.ShouldBe(CustomerStatus.Active);
        customer.IsActive.ShouldBeTrue();
        customer.DeactivatedAt.ShouldBeNull();
        customer.DeactivationReason.ShouldBeNull();
        customer.Id.ShouldNotBe(Guid.Empty);
        customer.DomainEvents.ShouldHaveSingleItem().ShouldBe(new CustomerCreated(customer.Id));
    }

    [Fact]
    public void TrimsName_AndNormalizesItUpperInvariant()
    {
        var customer = Customer.Create("  Ångström istanbul Co  ", null, null, Make.Contact());

        customer.Name.ShouldBe("Ångström istanbul Co");
        // Invariant, not the current culture: 'i' becomes 'I' (never the Turkish dotted 'İ').
        customer.NormalizedName.ShouldBe("ÅNGSTRÖM ISTANBUL CO");
    }

    [Fact]
    public void TrimsContact_AndTurnsBlankOptionalValuesIntoNull()
    {
        var customer = Customer.Create("Acme", "   ", null, new Contact("  Ada  ", "  ada@example.com ", "   "));

        customer.Contact.ShouldBe(new Contact("Ada", "ada@example.com", null));
        customer.Description.ShouldBeNull();
    }

    [Fact]
    public void WithoutBillingAddress_HasAnEmptyAddress()
    {
        var customer = Customer.Create("Acme", null, null, Make.Contact());

        customer.BillingAddress.ShouldNotBeNull();
        customer.BillingAddress.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void KeepsTheGivenBillingAddress()
    {
        var address = Make.Address("Capital City");

        var customer = Customer.Create("Acme", null, address, Make.Contact());

        customer.BillingAddress.ShouldBe(address);
        customer.BillingAddress.IsEmpty.ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void WithoutName_IsRefused(string? name)
    {
        var ex = Should.Throw<ArgumentException>(() => Customer.Create(name!, null, null, Make.Contact()));

        ex.ParamName.ShouldBe(nameof(Customer.Name));
    }

    [Fact]
    public void WithTooLongName_IsRefused()
    {
        var name = new string('x', Customer.NameMaxLength + 1);

        var ex = Should.Throw<ArgumentException>(() => Customer.Create(name, null, null, Make.Contact()));

        ex.ParamName.ShouldBe(nameof(Customer.Name));
    }

    [Fact]
    public void WithNameOfMaxLengthAfterTrimming_IsAccepted()
    {
        var name = new string('x', Customer.NameMaxLength);

        Customer.Create($"  {name}  ", null, null, Make.Contact()).Name.ShouldBe(name);
    }

    [Fact]
    public void WithTooLongDescription_IsRefused()
    {
        var description = new string('d', Customer.DescriptionMaxLength + 1);

        Should.Throw<ArgumentException>(() => Customer.Create("Acme", description, null, Make.Contact()))
            .ParamName.ShouldBe(nameof(Customer.Description));
    }

    [Fact]
    public void WithoutContact_IsRefused()
    {
        Should.Throw<ArgumentNullException>(() => Customer.Create("Acme", null, null, null!))
            .ParamName.ShouldBe("contact");
    }

    [Theory]
    [InlineData("", "ada@example.com", "Contact name")]
    [InlineData("  ", "ada@example.com", "Contact name")]
    [InlineData("Ada", "", "Contact email")]
    [InlineData("Ada", "   ", "Contact email")]
    public void WithoutContactNameOrEmail_IsRefused(string contactName, string contactEmail, string expectedParam)
    {
        Should.Throw<ArgumentException>(() => Customer.Create("Acme", null, null, new Contact(contactName, contactEmail, null)))
            .ParamName.ShouldBe(expectedParam);
    }

    [Fact]
    public void GetsAVersion7Id_DistinctPerCustomer()
    {
        var first = Make.Customer("First");
        var second = Make.Customer("Second");

        first.Id.Version.ShouldBe(7);
        second.Id.ShouldNotBe(first.Id);
    }

    [Fact]
    public void CreatedInALaterMillisecond_SortsAfter()
    {
        // GUID v7 is ordered by its millisecond timestamp only; within one millisecond the order is random.
        var first = Make.Customer("First");
        Thread.Sleep(5);
        var second = Make.Customer("Second");

        second.Id.CompareTo(first.Id).ShouldBeGreaterThan(0);
        string.CompareOrdinal(second.Id.ToString(), first.Id.ToString()).ShouldBeGreaterThan(0);
    }
}
