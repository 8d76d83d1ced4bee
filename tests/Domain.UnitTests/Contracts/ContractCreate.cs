using WorkOrders.Domain.Common;
using WorkOrders.Domain.Contracts;
using WorkOrders.Domain.Customers;

namespace WorkOrders.Domain.UnitTests.Contracts;

public sealed class ContractCreate
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    [Fact]
    public void ForActiveCustomer_IsActive_WithTrimmedNumberAndName()
    {
        var customer = Make.Customer();

        var contract = Contract.Create(customer, "  C-001 ", " Maintenance 2026 ", Start, Start.AddYears(1));

        contract.CustomerId.ShouldBe(customer.Id);
        contract.Number.ShouldBe("C-001");
        contract.Name.ShouldBe("Maintenance 2026");
        contract.StartDate.ShouldBe(Start);
        contract.EndDate.ShouldBe(Start.AddYears(1));
        contract.Status.ShouldBe(ContractStatus.Active);
        contract.CancelledAt.ShouldBeNull();
        contract.CancellationReason.ShouldBeNull();
    }

    [Fact]
    public void WithoutEndDate_IsOpenEnded()
    {
        var contract = Contract.Create(Make.Customer(), "C-002", "Open ended", Start, null);

        contract.EndDate.ShouldBeNull();
        contract.Status.ShouldBe(ContractStatus.Active);
    }

    [Fact]
    public void EndingOnItsStartDate_IsAccepted()
    {
        Contract.Create(Make.Customer(), "C-003", "One day", Start, Start).EndDate.ShouldBe(Start);
    }

    [Fact]
    public void EndingBeforeItsStart_IsRefused_WithContractEndMustNotPrecedeStart()
    {
        var ex = Should.Throw<BusinessRuleException>(() =>
            Contract.Create(Make.Customer(), "C-004", "Backwards", Start, Start.AddDays(-1)));

        ex.Rule.ShouldBe(nameof(ContractEndMustNotPrecedeStart));
        ex.Message.ShouldBe("The contract end date 2025-12-31 is before its start date 2026-01-01.");
    }

    [Fact]
    public void ForDeactivatedCustomer_IsRefused_WithCustomerMustBeActiveFor()
    {
        var ex = Should.Throw<BusinessRuleException>(() =>
            Contract.Create(Make.DeactivatedCustomer(), "C-005", "Too late", Start, null));

        ex.Rule.ShouldBe(nameof(CustomerMustBeActiveFor));
        ex.Message.ShouldContain("contracts");
    }

    [Theory]
    [InlineData("", "Name", "Number")]
    [InlineData("C-006", " ", "Name")]
    public void WithoutNumberOrName_IsRefused(string number, string name, string expectedParam)
    {
        Should.Throw<ArgumentException>(() => Contract.Create(Make.Customer(), number, name, Start, null))
            .ParamName.ShouldBe(expectedParam);
    }
}
