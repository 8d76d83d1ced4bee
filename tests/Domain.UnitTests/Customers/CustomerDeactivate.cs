using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Domain.UnitTests.Customers;

public sealed class CustomerDeactivate
{
    [Fact]
    public void FromActive_BecomesDeactivated_AndRaisesEvent()
    {
        var customer = Make.Customer();
        customer.ClearDomainEvents();

        customer.Deactivate("  Contract ended  ", Make.Now);

        customer.Status.ShouldBe(CustomerStatus.Deactivated);
        customer.IsActive.ShouldBeFalse();
        customer.DeactivatedAt.ShouldBe(Make.Now);
        customer.DeactivationReason.ShouldBe("Contract ended");
        customer.DomainEvents.ShouldHaveSingleItem().ShouldBe(new CustomerDeactivated(customer.Id, "Contract ended"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void WithoutReason_RecordsTheDefaultReason(string? reason)
    {
        var customer = Make.Customer();
        customer.ClearDomainEvents();

        customer.Deactivate(reason, Make.Now);

        customer.DeactivationReason.ShouldBe("Customer deactivated");
        customer.DomainEvents.OfType<CustomerDeactivated>().ShouldHaveSingleItem().Reason.ShouldBe("Customer deactivated");
    }

    [Fact]
    public void Twice_IsRefused_WithCustomerMustBeInStatus_AndKeepsTheFirstDeactivation()
    {
        var customer = Make.Customer();
        customer.Deactivate("First", Make.Now);
        customer.ClearDomainEvents();

        var ex = Should.Throw<BusinessRuleException>(() => customer.Deactivate("Second", Make.Now.AddHours(1)));

        ex.Rule.ShouldBe(nameof(CustomerMustBeInStatus));
        ex.BrokenRule.ShouldBeOfType<CustomerMustBeInStatus>();
        ex.Message.ShouldContain("Deactivated");
        customer.DeactivationReason.ShouldBe("First");
        customer.DeactivatedAt.ShouldBe(Make.Now);
        customer.DomainEvents.ShouldBeEmpty();
    }
}
