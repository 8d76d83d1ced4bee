using WorkOrders.Domain.Assets;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Domain.UnitTests.Assets;

public sealed class AssetCreate
{
    [Fact]
    public void AtAnActiveSiteOfTheCustomer_BelongsToBoth_WithTrimmedDetails()
    {
        var customer = Make.Customer();
        var site = Make.Site(customer);

        var asset = Asset.Create(customer, site, "  Pump A ", " X-200 ", "   ");

        asset.CustomerId.ShouldBe(customer.Id);
        asset.SiteId.ShouldBe(site.Id);
        asset.Name.ShouldBe("Pump A");
        asset.Model.ShouldBe("X-200");
        asset.SerialNumber.ShouldBeNull();
    }

    [Fact]
    public void AtASiteOfAnotherCustomer_IsRefused_WithSiteMustBelongToCustomer()
    {
        var customer = Make.Customer("Mine Co");
        var other = Make.Customer("Other Co");
        var site = Make.Site(other, "Their Depot");

        var ex = Should.Throw<BusinessRuleException>(() => Asset.Create(customer, site, "Pump", null, null));

        ex.Rule.ShouldBe(nameof(SiteMustBelongToCustomer));
        ex.Message.ShouldBe("Site 'Their Depot' does not belong to customer 'Mine Co'.");
    }

    [Fact]
    public void AtAnInactiveSite_IsRefused_WithSiteMustBeActiveFor()
    {
        var customer = Make.Customer();
        var site = Make.Site(customer);
        site.Deactivate(null, Make.Now);

        var ex = Should.Throw<BusinessRuleException>(() => Asset.Create(customer, site, "Pump", null, null));

        ex.Rule.ShouldBe(nameof(SiteMustBeActiveFor));
        ex.Message.ShouldContain("assets");
    }

    [Fact]
    public void ForADeactivatedCustomer_IsRefused_WithCustomerMustBeActiveFor()
    {
        var customer = Make.Customer();
        var site = Make.Site(customer);
        customer.Deactivate(null, Make.Now);

        Should.Throw<BusinessRuleException>(() => Asset.Create(customer, site, "Pump", null, null))
            .Rule.ShouldBe(nameof(CustomerMustBeActiveFor));
    }

    [Fact]
    public void WithoutName_IsRefused()
    {
        var customer = Make.Customer();

        Should.Throw<ArgumentException>(() => Asset.Create(customer, Make.Site(customer), " ", null, null))
            .ParamName.ShouldBe(nameof(Asset.Name));
    }

    [Fact]
    public void WithTooLongSerialNumber_IsRefused()
    {
        var customer = Make.Customer();

        Should.Throw<ArgumentException>(() => Asset.Create(customer, Make.Site(customer), "Pump", null, new string('9', 101)))
            .ParamName.ShouldBe(nameof(Asset.SerialNumber));
    }
}
