using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Domain.UnitTests.Common;

public sealed class BusinessRuleExceptionRule
{
    [Fact]
    public void FromABrokenRule_CarriesTheRuleNameAndItsMessage()
    {
        var rule = new CustomerMustBeInStatus(CustomerStatus.Deactivated, CustomerStatus.Active, "deactivate");

        var ex = new BusinessRuleException(rule);

        ex.Rule.ShouldBe("CustomerMustBeInStatus");
        ex.BrokenRule.ShouldBeSameAs(rule);
        ex.Message.ShouldBe("Cannot deactivate a customer that is Deactivated; it must be Active.");
    }

    [Fact]
    public void WithoutARule_IsRefused()
    {
        Should.Throw<ArgumentNullException>(() => new BusinessRuleException((IBusinessRule)null!));
    }
}
