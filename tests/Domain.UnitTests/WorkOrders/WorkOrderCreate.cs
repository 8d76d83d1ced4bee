using WorkOrders.Domain.Assets;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.Contracts;
using WorkOrders.Domain.CustomerSites;
using WorkOrders.Domain.Customers;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.WorkOrders;

public sealed class WorkOrderCreate
{
    [Fact]
    public void FromTheOffice_IsDraft_Unassigned_NotInvoiced_WithItsDetails()
    {
        var customer = Make.Customer();
        var site = Make.Site(customer);
        var contract = Contract.Create(customer, "C-1", "Maintenance", new DateOnly(2026, 1, 1), null);
        var details = WorkOrderMake.Details("Leaking valve", WorkOrderCategory.MeterInvestigation, Make.Now.AddDays(1), Make.Now.AddDays(1).AddHours(2));

        var workOrder = WorkOrder.Create(123, customer, site, contract, details, WorkOrderSource.Office, null, WorkOrderMake.Actor());

        workOrder.Status.ShouldBe(WorkOrderStatus.Draft);
        workOrder.Source.ShouldBe(WorkOrderSource.Office);
        workOrder.Number.ShouldBe(123);
        workOrder.DisplayNumber.ShouldBe("WO-000123");
        workOrder.CustomerId.ShouldBe(customer.Id);
        workOrder.SiteId.ShouldBe(site.Id);
        workOrder.ContractId.ShouldBe(contract.Id);
        workOrder.Title.ShouldBe("Leaking valve");
        workOrder.Category.ShouldBe(WorkOrderCategory.MeterInvestigation);
        workOrder.ScheduledStart.ShouldBe(Make.Now.AddDays(1));
        workOrder.ScheduledEnd.ShouldBe(Make.Now.AddDays(1).AddHours(2));
        workOrder.Routing.ShouldBe(RoutingKind.Unassigned);
        workOrder.ProviderId.ShouldBeNull();
        workOrder.TeamId.ShouldBeNull();
        workOrder.InvoiceStatus.ShouldBe(InvoiceStatus.No);
        workOrder.PaymentApprovedAt.ShouldBeNull();
        workOrder.IsDeleted.ShouldBeFalse();
        workOrder.WaitingSeconds.ShouldBe(0);
        workOrder.WaitingSince.ShouldBeNull();
        workOrder.StatusChangedAt.ShouldBe(WorkOrderMake.T0);
        workOrder.DomainEvents.ShouldContain(new WorkOrderCreated(workOrder.Id, WorkOrderSource.Office));
    }

    [Theory]
    [InlineData(WorkOrderSource.CustomerPortal)]
    [InlineData(WorkOrderSource.Email)]
    [InlineData(WorkOrderSource.Phone)]
    [InlineData(WorkOrderSource.Technician)]
    [InlineData(WorkOrderSource.Event)]
    [InlineData(WorkOrderSource.Partner)]
    public void FromEveryOtherSource_StartsPublished(WorkOrderSource source)
    {
        var workOrder = WorkOrderMake.Create(source);

        workOrder.Status.ShouldBe(WorkOrderStatus.Published);
        workOrder.Source.ShouldBe(source);
        workOrder.DomainEvents.ShouldContain(new WorkOrderCreated(workOrder.Id, source));
    }

    [Theory]
    [InlineData(WorkOrderSource.Office, WorkOrderStatus.Draft)]
    [InlineData(WorkOrderSource.Phone, WorkOrderStatus.Published)]
    public void HistorysFirstEntry_IsTheCreation_FromNothing_ByTheActor_WithTheSource(WorkOrderSource source, WorkOrderStatus status)
    {
        var at = new DateTime(2026, 4, 1, 8, 15, 0, DateTimeKind.Utc);

        var workOrder = WorkOrderMake.Create(source, actor: WorkOrderMake.Actor(at, "user-7", "Olive Office"));

        var entry = workOrder.History.ShouldHaveSingleItem();
        entry.WorkOrderId.ShouldBe(workOrder.Id);
        entry.From.ShouldBeNull();
        entry.To.ShouldBe(status);
        entry.Action.ShouldBe("Create");
        entry.ChangedBy.ShouldBe("user-7");
        entry.ChangedByName.ShouldBe("Olive Office");
        entry.ChangedAt.ShouldBe(at);
        entry.Reason.ShouldBe($"Opened from {source}");
    }

    [Fact]
    public void WithARequester_KeepsNameAndEmail_AndMakesThemSearchable()
    {
        var workOrder = WorkOrderMake.Create(WorkOrderSource.Email, requester: new Requester("  Rita Requester ", "rita@example.com"));

        workOrder.RequesterName.ShouldBe("Rita Requester");
        workOrder.RequesterEmail.ShouldBe("rita@example.com");
        workOrder.SearchText.ShouldContain("RITA REQUESTER");
        workOrder.SearchText.ShouldContain(workOrder.DisplayNumber);
        workOrder.SearchText.ShouldContain("LEAKING VALVE");
    }

    [Fact]
    public void ForADeactivatedCustomer_IsRefused_WithCustomerMustBeActiveFor()
    {
        var customer = Make.Customer();
        var site = Make.Site(customer);
        customer.Deactivate("Closed", Make.Now);

        var ex = Should.Throw<BusinessRuleException>(() => WorkOrderMake.Create(customer: customer, site: site));

        ex.Rule.ShouldBe(nameof(CustomerMustBeActiveFor));
    }

    [Fact]
    public void AtADeactivatedSite_IsRefused_WithSiteMustBeActiveFor()
    {
        var customer = Make.Customer();
        var site = Make.Site(customer);
        site.Deactivate("Demolished", Make.Now);

        var ex = Should.Throw<BusinessRuleException>(() => WorkOrderMake.Create(customer: customer, site: site));

        ex.Rule.ShouldBe(nameof(SiteMustBeActiveFor));
    }

    [Fact]
    public void AtASiteOfAnotherCustomer_IsRefused_WithSiteMustBelongToCustomer()
    {
        var customer = Make.Customer("Ours");
        var otherSite = Make.Site(Make.Customer("Theirs"));

        var ex = Should.Throw<BusinessRuleException>(() => WorkOrderMake.Create(customer: customer, site: otherSite));

        ex.Rule.ShouldBe(nameof(SiteMustBelongToCustomer));
    }

    [Fact]
    public void UnderACancelledContract_IsRefused_WithContractMustBeActiveForWork()
    {
        var customer = Make.Customer();
        var contract = Contract.Create(customer, "C-2", "Old deal", new DateOnly(2025, 1, 1), null);
        contract.Cancel("Ended", Make.Now);

        var ex = Should.Throw<BusinessRuleException>(() => WorkOrderMake.Create(customer: customer, contract: contract));

        ex.Rule.ShouldBe(nameof(ContractMustBeActiveForWork));
        ex.Message.ShouldContain("Cancelled");
    }

    [Fact]
    public void UnderAContractOfAnotherCustomer_IsRefused_WithContractMustBeActiveForWork()
    {
        var customer = Make.Customer("Ours");
        var contract = Contract.Create(Make.Customer("Theirs"), "C-3", "Their deal", new DateOnly(2026, 1, 1), null);

        var ex = Should.Throw<BusinessRuleException>(() => WorkOrderMake.Create(customer: customer, contract: contract));

        ex.Rule.ShouldBe(nameof(ContractMustBeActiveForWork));
    }

    [Fact]
    public void WithAScheduledWindowEndingBeforeItStarts_IsRefused()
    {
        var customer = Make.Customer();
        var details = WorkOrderMake.Details(scheduledStart: Make.Now, scheduledEnd: Make.Now.AddMinutes(-1));

        var ex = Should.Throw<BusinessRuleException>(() =>
            WorkOrder.Create(1, customer, Make.Site(customer), null, details, WorkOrderSource.Office, null, WorkOrderMake.Actor()));

        ex.Rule.ShouldBe(nameof(ScheduledWindowMustBeOrdered));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void WithoutAPositiveNumber_IsRefused(long number)
    {
        var customer = Make.Customer();

        Should.Throw<ArgumentOutOfRangeException>(() =>
            WorkOrder.Create(number, customer, Make.Site(customer), null, WorkOrderMake.Details(), WorkOrderSource.Office, null, WorkOrderMake.Actor()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void WithoutTitle_IsRefused(string title)
    {
        var customer = Make.Customer();

        var ex = Should.Throw<ArgumentException>(() =>
            WorkOrder.Create(1, customer, Make.Site(customer), null, WorkOrderMake.Details(title), WorkOrderSource.Office, null, WorkOrderMake.Actor()));

        ex.ParamName.ShouldBe(nameof(WorkOrder.Title));
    }
}
