using WorkOrders.Domain.Common;
using WorkOrders.Domain.Contracts;

namespace WorkOrders.Domain.UnitTests.Contracts;

public sealed class ContractExpire
{
    private static readonly DateOnly End = new(2026, 6, 30);

    private static Contract ContractEnding(DateOnly? end) =>
        Contract.Create(Make.Customer(), "C-200", "Maintenance", new DateOnly(2026, 1, 1), end);

    [Fact]
    public void AfterItsEndDate_BecomesExpired()
    {
        var contract = ContractEnding(End);

        contract.Expire(End.AddDays(1));

        contract.Status.ShouldBe(ContractStatus.Expired);
        contract.CancelledAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public void OnOrBeforeItsEndDate_IsRefused_WithContractEndMustHavePassed(int daysFromEnd)
    {
        var contract = ContractEnding(End);

        var ex = Should.Throw<BusinessRuleException>(() => contract.Expire(End.AddDays(daysFromEnd)));

        ex.Rule.ShouldBe(nameof(ContractEndMustHavePassed));
        contract.Status.ShouldBe(ContractStatus.Active);
    }

    [Fact]
    public void WithoutEndDate_IsRefused()
    {
        var contract = ContractEnding(null);

        Should.Throw<BusinessRuleException>(() => contract.Expire(new DateOnly(2100, 1, 1)))
            .Rule.ShouldBe(nameof(ContractEndMustHavePassed));
        contract.Status.ShouldBe(ContractStatus.Active);
    }

    [Fact]
    public void WhenCancelled_IsRefused_WithContractMustBeActive()
    {
        var contract = ContractEnding(End);
        contract.Cancel(null, Make.Now);

        Should.Throw<BusinessRuleException>(() => contract.Expire(End.AddDays(1)))
            .Rule.ShouldBe(nameof(ContractMustBeActive));
        contract.Status.ShouldBe(ContractStatus.Cancelled);
    }

    [Fact]
    public void Twice_IsRefused()
    {
        var contract = ContractEnding(End);
        contract.Expire(End.AddDays(1));

        Should.Throw<BusinessRuleException>(() => contract.Expire(End.AddDays(2)))
            .Rule.ShouldBe(nameof(ContractMustBeActive));
    }
}
