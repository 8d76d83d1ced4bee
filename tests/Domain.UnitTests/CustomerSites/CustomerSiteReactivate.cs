using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Domain.UnitTests.CustomerSites;

public sealed class CustomerSiteReactivate
{
    [Fact]
    public void FromDeactivated_WithActiveCustomer_BecomesActive_AndClearsDeactivation()
    {
        var customer = Make.Customer();
        var site = Make.Site(customer);
        site.Deactivate("Closed for winter", Make.Now);

        site.Reactivate(customer);

        site.Status.ShouldBe(SiteStatus.Active);
        site.DeactivatedAt.ShouldBeNull();
        site.DeactivationReason.ShouldBeNull();
    }

    [Fact]
    public void WhenCustomerIsDeactivated_IsRefused_AndSiteStaysDeactivated()
    {
        var customer = Make.Customer();
        var site = Make.Site(customer);
        site.Deactivate("Cascade", Make.Now);
        customer.Deactivate("Cascade", Make.Now);

        var ex = Should.Throw<BusinessRuleException>(() => site.Reactivate(customer));

        ex.Rule.ShouldBe(nameof(CustomerMustBeActiveFor));
        site.Status.ShouldBe(SiteStatus.Deactivated);
        site.DeactivationReason.ShouldBe("Cascade");
    }

    [Fact]
    public void FromActive_IsRefused_WithSiteMustBeInStatus()
    {
        var customer = Make.Customer();
        var site = Make.Site(customer);

        Should.Throw<BusinessRuleException>(() => site.Reactivate(customer))
            .Rule.ShouldBe(nameof(SiteMustBeInStatus));
    }

    [Fact]
    public void WithoutCustomer_IsRefused()
    {
        var site = Make.Site(Make.Customer());
        site.Deactivate(null, Make.Now);

        Should.Throw<ArgumentNullException>(() => site.Reactivate(null!));
    }
}
