using WorkOrders.Domain.Billing;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.UnitTests.WorkOrders;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.Billing;

/// <summary>Billed hours: set on completed work by an assessor, never below one hour, replaceable until invoiced,
/// and charged to the customer's credit-hour bank by what changed.</summary>
public sealed class WorkOrderBilledHours
{
    private static readonly Actor Assessor = WorkOrderMake.Actor(new DateTime(2026, 6, 2, 10, 0, 0, DateTimeKind.Utc), "ar-1", "ar@example.com");

    private static (WorkOrder WorkOrder, CreditHourAccount Account) Completed(decimal purchased = 0m)
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Completed);
        var account = CreditHourAccount.Open(workOrder.CustomerId);
        if (purchased > 0)
        {
            account.Purchase(purchased, null, null, Assessor);
        }

        return (workOrder, account);
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("0.25", "1")]
    [InlineData("0.99", "1")]
    public void BelowOneHour_TheMinimumIsBilled_AndTheAnswerSaysSo(string asked, string billed)
    {
        var (workOrder, account) = Completed();

        var outcome = WorkOrderBilling.SetBilledHours(workOrder, account, decimal.Parse(asked, System.Globalization.CultureInfo.InvariantCulture), null, Assessor);

        outcome.Change.MinimumApplied.ShouldBeTrue();
        outcome.Change.Requested.ShouldBe(decimal.Parse(asked, System.Globalization.CultureInfo.InvariantCulture));
        outcome.Change.Billed.ShouldBe(decimal.Parse(billed, System.Globalization.CultureInfo.InvariantCulture));
        workOrder.BilledHours.ShouldBe(1m);
        workOrder.BilledMinimumApplied.ShouldBeTrue();
        workOrder.BilledAt.ShouldBe(Assessor.At);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2.5)]
    [InlineData(40)]
    public void FromOneHourUp_TheAskedHoursAreBilled(double asked)
    {
        var (workOrder, account) = Completed();

        var outcome = WorkOrderBilling.SetBilledHours(workOrder, account, (decimal)asked, null, Assessor);

        outcome.Change.MinimumApplied.ShouldBeFalse();
        workOrder.BilledHours.ShouldBe((decimal)asked);
        workOrder.BilledMinimumApplied.ShouldBeFalse();
    }

    [Fact]
    public void TheFirstTime_DebitsTheBankByTheBilledHours_ReferencingTheWorkOrder()
    {
        var (workOrder, account) = Completed(purchased: 10m);

        var outcome = WorkOrderBilling.SetBilledHours(workOrder, account, 3.5m, "Two visits", Assessor);

        var debit = outcome.Entry.ShouldNotBeNull();
        debit.Kind.ShouldBe(CreditHourEntryKind.Debit);
        debit.Hours.ShouldBe(-3.5m);
        debit.BalanceAfter.ShouldBe(6.5m);
        debit.WorkOrderId.ShouldBe(workOrder.Id);
        debit.WorkOrderNumber.ShouldBe(workOrder.DisplayNumber);
        debit.Note.ShouldBe("Two visits");
        debit.Sequence.ShouldBe(2);
        debit.CreatedBy.ShouldBe("ar-1");
        outcome.Balance.ShouldBe(6.5m);
        account.Balance.ShouldBe(6.5m);
        outcome.Change.Previous.ShouldBeNull();
        workOrder.DomainEvents.OfType<WorkOrderBilled>().ShouldHaveSingleItem().BilledHours.ShouldBe(3.5m);
    }

    [Fact]
    public void SettingThemAgain_ReplacesThem_AndAdjustsTheBankByTheDifference()
    {
        var (workOrder, account) = Completed(purchased: 10m);
        WorkOrderBilling.SetBilledHours(workOrder, account, 3.5m, null, Assessor);

        var more = WorkOrderBilling.SetBilledHours(workOrder, account, 5m, "Forgot the second visit", Assessor);
        more.Change.Previous.ShouldBe(3.5m);
        more.Change.Difference.ShouldBe(1.5m);
        more.Entry!.Kind.ShouldBe(CreditHourEntryKind.Adjustment);
        more.Entry.Hours.ShouldBe(-1.5m);
        account.Balance.ShouldBe(5m);

        var less = WorkOrderBilling.SetBilledHours(workOrder, account, 0.5m, "Goodwill", Assessor);
        less.Change.Billed.ShouldBe(1m);
        less.Change.MinimumApplied.ShouldBeTrue();
        less.Entry!.Kind.ShouldBe(CreditHourEntryKind.Adjustment);
        less.Entry.Hours.ShouldBe(4m);
        account.Balance.ShouldBe(9m);
        workOrder.BilledHours.ShouldBe(1m);

        // The bank was charged exactly the hours billed now.
        account.Balance.ShouldBe(10m - workOrder.BilledHours!.Value);
    }

    [Fact]
    public void SettingTheSameHoursAgain_WritesNoLedgerEntry()
    {
        var (workOrder, account) = Completed(purchased: 10m);
        WorkOrderBilling.SetBilledHours(workOrder, account, 0.5m, null, Assessor);

        var again = WorkOrderBilling.SetBilledHours(workOrder, account, 1m, null, Assessor); // the same billed hour

        again.Entry.ShouldBeNull();
        again.Change.Difference.ShouldBe(0m);
        again.Change.MinimumApplied.ShouldBeFalse();
        account.Balance.ShouldBe(9m);
        account.LastSequence.ShouldBe(2);
    }

    [Fact]
    public void TheBank_MayGoNegative()
    {
        var (workOrder, account) = Completed(purchased: 2m);

        var outcome = WorkOrderBilling.SetBilledHours(workOrder, account, 4.25m, null, Assessor);

        outcome.Balance.ShouldBe(-2.25m);
        outcome.BalanceNegative.ShouldBeTrue();
        account.IsNegative.ShouldBeTrue();
    }

    [Theory]
    [InlineData(WorkOrderStatus.Draft)]
    [InlineData(WorkOrderStatus.Published)]
    [InlineData(WorkOrderStatus.Assigned)]
    [InlineData(WorkOrderStatus.InProgress)]
    [InlineData(WorkOrderStatus.WaitingParts)]
    [InlineData(WorkOrderStatus.Cancelled)]
    public void OnWorkThatIsNotCompleted_IsRefused_AndChargesNothing(WorkOrderStatus status)
    {
        var workOrder = WorkOrderMake.InStatus(status);
        var account = CreditHourAccount.Open(workOrder.CustomerId);

        Should.Throw<BusinessRuleException>(() => WorkOrderBilling.SetBilledHours(workOrder, account, 2m, null, Assessor))
            .BrokenRule.ShouldBeOfType<WorkOrderMustBeCompletedToBill>();

        workOrder.BilledHours.ShouldBeNull();
        account.Balance.ShouldBe(0m);
        account.LastSequence.ShouldBe(0);
    }

    [Fact]
    public void OnceInvoiced_TheyNoLongerChange()
    {
        var (workOrder, account) = Completed(purchased: 5m);
        WorkOrderBilling.SetBilledHours(workOrder, account, 2m, null, Assessor);
        workOrder.SetInvoiceStatus(InvoiceStatus.Yes);

        Should.Throw<BusinessRuleException>(() => WorkOrderBilling.SetBilledHours(workOrder, account, 3m, null, Assessor))
            .BrokenRule.ShouldBeOfType<BilledHoursMustNotChangeOnceInvoiced>();

        workOrder.BilledHours.ShouldBe(2m);
        account.Balance.ShouldBe(3m);
    }

    [Fact]
    public void AnotherCustomersBank_IsRefused()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Completed);

        Should.Throw<ArgumentException>(() => WorkOrderBilling.SetBilledHours(workOrder, CreditHourAccount.Open(Guid.CreateVersion7()), 2m, null, Assessor));

        workOrder.BilledHours.ShouldBeNull();
    }

    [Fact]
    public void NegativeHours_AreRefused()
    {
        var (workOrder, account) = Completed();

        Should.Throw<ArgumentOutOfRangeException>(() => WorkOrderBilling.SetBilledHours(workOrder, account, -1m, null, Assessor));
    }

    [Fact]
    public void Preview_SaysWhatBillingWouldDo_AndChangesNothing()
    {
        var (workOrder, account) = Completed(purchased: 3m);
        WorkOrderBilling.SetBilledHours(workOrder, account, 2m, null, Assessor);

        var preview = WorkOrderBilling.Preview(workOrder, 6m);

        preview.Previous.ShouldBe(2m);
        preview.Difference.ShouldBe(4m);
        account.BalanceAfter(preview).ShouldBe(-3m);
        workOrder.BilledHours.ShouldBe(2m);
        account.Balance.ShouldBe(1m);
    }
}
