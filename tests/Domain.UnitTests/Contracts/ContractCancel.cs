using WorkOrders.Domain.Common;
using WorkOrders.Domain.Contracts;

namespace WorkOrders.Domain.UnitTests.Contracts;

public sealed class ContractCancel
{
    private static Contract ActiveContract() =>
        Contract.Create(Make.Customer(), "C-100", "Maintenance", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

    [Fact]
    public void FromActive_BecomesCancelled_WithTimeAndTrimmedReason()
    {
        var contract = ActiveContract();

        contract.Cancel("  Customer left  ", Make.Now);

        contract.Status.ShouldBe(ContractStatus.Cancelled);
        contract.CancelledAt.ShouldBe(Make.Now);
        contract.CancellationReason.ShouldBe("Customer left");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void WithoutReason_RecordsTheDefaultReason(string? reason)
    {
        var contract = ActiveContract();

        contract.Cancel(reason, Make.Now);

        contract.CancellationReason.ShouldBe("Contract cancelled");
    }

    [Fact]
    public void Twice_IsRefused_WithContractMustBeActive_AndKeepsTheFirstCancellation()
    {
        var contract = ActiveContract();
        contract.Cancel("First", Make.Now);

        var ex = Should.Throw<BusinessRuleException>(() => contract.Cancel("Second", Make.Now.AddDays(1)));

        ex.Rule.ShouldBe(nameof(ContractMustBeActive));
        ex.Message.ShouldBe("Cannot cancel a contract that is Cancelled; it must be Active.");
        contract.CancellationReason.ShouldBe("First");
        contract.CancelledAt.ShouldBe(Make.Now);
    }

    [Fact]
    public void WhenExpired_IsRefused()
    {
        var contract = ActiveContract();
        contract.Expire(new DateOnly(2027, 1, 1));

        Should.Throw<BusinessRuleException>(() => contract.Cancel(null, Make.Now))
            .Rule.ShouldBe(nameof(ContractMustBeActive));
        contract.Status.ShouldBe(ContractStatus.Expired);
    }
}
