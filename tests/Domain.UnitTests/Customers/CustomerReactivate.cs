using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Domain.UnitTests.Customers;

public sealed class CustomerReactivate
{
    [Fact]
    public void FromDeactivated_BecomesActive_ClearsDeactivation_AndRaisesEvent()
    {
        var customer = Make.DeactivatedCustomer();
        customer.ClearDomainEvents();

        customer.Reactivate();

        customer.Status.ShouldBe(CustomerStatus.Active);
        customer.IsActive.ShouldBeTrue();
        customer.DeactivatedAt.ShouldBeNull();
        customer.DeactivationReason.ShouldBeNull();
        customer.DomainEvents.ShouldHaveSingleItem().ShouldBe(new CustomerReactivated(customer.Id));
    }

    [Fact]
    public void FromActive_IsRefused_WithCustomerMustBeInStatus()
    {
        var customer = Make.Customer();
        customer.ClearDomainEvents();

        var ex = Should.Throw<BusinessRuleException>(customer.Reactivate);

        ex.Rule.ShouldBe(nameof(CustomerMustBeInStatus));
        customer.Status.ShouldBe(CustomerStatus.Active);
        customer.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void AfterReactivation_CanBeDeactivatedAgain()
    {
        var customer = Make.DeactivatedCustomer();
        customer.Reactivate();

        customer.Deactivate("Again", Make.Now.AddDays(1));

        customer.Status.ShouldBe(CustomerStatus.Deactivated);
        customer.DeactivationReason.ShouldBe("Again");
    }
}
