using WorkOrders.Domain.Common;
using WorkOrders.Domain.CustomerSites;

namespace WorkOrders.Domain.UnitTests.CustomerSites;

public sealed class CustomerSiteDeactivate
{
    [Fact]
    public void FromActive_BecomesDeactivated_WithTrimmedReason()
    {
        var site = Make.Site(Make.Customer());

        site.Deactivate("  Flooded  ", Make.Now);

        site.Status.ShouldBe(SiteStatus.Deactivated);
        site.IsActive.ShouldBeFalse();
        site.DeactivatedAt.ShouldBe(Make.Now);
        site.DeactivationReason.ShouldBe("Flooded");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void WithoutReason_RecordsTheDefaultReason(string? reason)
    {
        var site = Make.Site(Make.Customer());

        site.Deactivate(reason, Make.Now);

        site.DeactivationReason.ShouldBe("Site deactivated");
    }

    [Fact]
    public void Twice_IsRefused_WithSiteMustBeInStatus()
    {
        var site = Make.Site(Make.Customer());
        site.Deactivate("First", Make.Now);

        var ex = Should.Throw<BusinessRuleException>(() => site.Deactivate("Second", Make.Now.AddHours(1)));

        ex.Rule.ShouldBe(nameof(SiteMustBeInStatus));
        site.DeactivationReason.ShouldBe("First");
        site.DeactivatedAt.ShouldBe(Make.Now);
    }

    [Fact]
    public void WhenDeactivated_RefusesNewWork_WithSiteMustBeActiveFor()
    {
        var site = Make.Site(Make.Customer(), "Depot");
        site.Deactivate(null, Make.Now);

        var ex = Should.Throw<BusinessRuleException>(() => site.EnsureAcceptsNewWork("assets"));

        ex.Rule.ShouldBe(nameof(SiteMustBeActiveFor));
        ex.Message.ShouldBe("Site 'Depot' is Deactivated: it cannot get new assets.");
    }

    [Fact]
    public void WhenActive_AcceptsNewWork()
    {
        var site = Make.Site(Make.Customer());

        Should.NotThrow(() => site.EnsureAcceptsNewWork("assets"));
    }
}
