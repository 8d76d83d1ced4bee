using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Domain.UnitTests.Customers;

public sealed class CustomerEnsureAcceptsNewWork
{
    [Fact]
    public void WhenActive_DoesNotThrow()
    {
        var customer = Make.Customer();

        Should.NotThrow(() => customer.EnsureAcceptsNewWork("work orders"));
    }

    [Fact]
    public void WhenDeactivated_ThrowsCustomerMustBeActiveFor_NamingCustomerAndWork()
    {
        var customer = Make.DeactivatedCustomer("Gone Ltd");

        var ex = Should.Throw<BusinessRuleException>(() => customer.EnsureAcceptsNewWork("work orders"));

        ex.Rule.ShouldBe(nameof(CustomerMustBeActiveFor));
        ex.Message.ShouldBe("Customer 'Gone Ltd' is Deactivated: it cannot get new work orders.");
    }
}
