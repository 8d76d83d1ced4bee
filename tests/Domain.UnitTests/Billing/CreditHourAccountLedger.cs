using WorkOrders.Domain.Billing;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.UnitTests.WorkOrders;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.Billing;

/// <summary>A customer's credit-hour bank: purchases add, every change is a ledger entry in sequence with the
/// balance after it.</summary>
public sealed class CreditHourAccountLedger
{
    private static readonly Guid CustomerId = Guid.CreateVersion7();
    private static readonly Actor Ar = WorkOrderMake.Actor(userId: "ar-1", name: "ar@example.com");

    [Fact]
    public void Open_IsTheCustomersBank_WithNothingInIt()
    {
        var account = CreditHourAccount.Open(CustomerId);

        account.Id.ShouldBe(CustomerId);
        account.CustomerId.ShouldBe(CustomerId);
        account.Balance.ShouldBe(0m);
        account.LastSequence.ShouldBe(0);
        account.IsNegative.ShouldBeFalse();
        Should.Throw<ArgumentException>(() => CreditHourAccount.Open(Guid.Empty));
    }

    [Fact]
    public void Purchase_AddsTheHours_AsTheNextEntryOfTheLedger()
    {
        var account = CreditHourAccount.Open(CustomerId);

        var first = account.Purchase(10m, "Spring block", " PO-1 ", Ar);
        var second = account.Purchase(2.5m, null, null, Ar);

        first.Kind.ShouldBe(CreditHourEntryKind.Purchase);
        first.CustomerId.ShouldBe(CustomerId);
        first.Sequence.ShouldBe(1);
        first.Hours.ShouldBe(10m);
        first.BalanceAfter.ShouldBe(10m);
        first.Reference.ShouldBe("PO-1");
        first.Note.ShouldBe("Spring block");
        first.WorkOrderId.ShouldBeNull();
        first.CreatedAt.ShouldBe(Ar.At);
        first.CreatedByName.ShouldBe("ar@example.com");
        second.Sequence.ShouldBe(2);
        second.BalanceAfter.ShouldBe(12.5m);
        account.Balance.ShouldBe(12.5m);
        account.LastSequence.ShouldBe(2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(0.004)]
    [InlineData(100_000.01)]
    public void Purchase_OfNoHours_NegativeHours_OrTooMany_IsRefused(double hours)
    {
        var account = CreditHourAccount.Open(CustomerId);

        Should.Throw<BusinessRuleException>(() => account.Purchase((decimal)hours, null, null, Ar)).BrokenRule.ShouldBeOfType<CreditHoursMustBePositive>();

        account.Balance.ShouldBe(0m);
        account.LastSequence.ShouldBe(0);
    }

    [Fact]
    public void Charge_ForAnotherCustomersWorkOrder_IsRefused()
    {
        var account = CreditHourAccount.Open(CustomerId);
        var change = new BilledHoursChange(Guid.CreateVersion7(), "WO-000001", Guid.CreateVersion7(), 2m, 2m, null, false);

        Should.Throw<BusinessRuleException>(() => account.Charge(change, Ar, null)).BrokenRule.ShouldBeOfType<WorkOrderMustBelongToTheAccount>();
    }

    [Fact]
    public void ThePurchaseAfterAnOverdraft_BringsTheBalanceBack()
    {
        var account = CreditHourAccount.Open(CustomerId);
        account.Charge(new BilledHoursChange(Guid.CreateVersion7(), "WO-000001", CustomerId, 3m, 3m, null, false), Ar, null);
        account.IsNegative.ShouldBeTrue();

        var purchase = account.Purchase(5m, null, null, Ar);

        purchase.BalanceAfter.ShouldBe(2m);
        account.IsNegative.ShouldBeFalse();
    }
}
