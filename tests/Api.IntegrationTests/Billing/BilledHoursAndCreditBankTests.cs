using WorkOrders.Api.IntegrationTests.WorkOrderTests;

namespace WorkOrders.Api.IntegrationTests.Billing;

/// <summary>Billed hours (never below one hour, replaceable until invoiced) and the customer's credit-hour bank:
/// purchases, debits, adjustments, a balance that may go negative with a warning, and the ledger.</summary>
public abstract class BilledHoursAndCreditBankTests(BillingApiFactory factory)
{
    [Fact]
    public async Task BelowOneHour_TheMinimumIsStored_AndTheAnswerSaysMinimumApplied()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("Completed");

        var billed = await BillingApi.BilledAsync(s.Receivable, workOrder.Id, 0.25m, "Quick reset");

        billed.RequestedHours.ShouldBe(0.25m);
        billed.BilledHours.ShouldBe(1m);
        billed.MinimumApplied.ShouldBeTrue();
        billed.MinimumBilledHours.ShouldBe(1m);
        billed.PreviousBilledHours.ShouldBeNull();
        billed.DebitedHours.ShouldBe(1m);
        var stored = await BillingApi.HoursAsync(s.Dispatcher, workOrder.Id);
        stored.BilledHours.ShouldBe(1m);
        stored.BilledMinimumApplied.ShouldBeTrue();
        stored.BilledAt.ShouldBe(s.Now);
        billed.Version.ShouldBe(stored.Version);

        var debit = billed.LedgerEntry.ShouldNotBeNull();
        debit.Kind.ShouldBe("Debit");
        debit.Hours.ShouldBe(-1m);
        debit.WorkOrderId.ShouldBe(workOrder.Id);
        debit.WorkOrderNumber.ShouldBe(workOrder.DisplayNumber);
        debit.Note.ShouldBe("Quick reset");

        var atOne = await BillingApi.BilledAsync(s.Dispatcher, workOrder.Id, 2m); // office staff assess too
        atOne.MinimumApplied.ShouldBeFalse();
        (await BillingApi.HoursAsync(s.Dispatcher, workOrder.Id)).BilledMinimumApplied.ShouldBeFalse();
    }

    [Fact]
    public async Task TheLedger_PurchaseDebitAdjustment_AndABalanceThatGoesNegativeWithAWarning()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var first = await s.WorkOrderAsync("Completed");
        var second = await s.WorkOrderAsync("Completed");

        var purchase = await BillingApi.PurchasedAsync(s.Receivable, s.Customer.Id, 10m, "PO-1001");
        purchase.Entry.Kind.ShouldBe("Purchase");
        purchase.Entry.Sequence.ShouldBe(1);
        purchase.Entry.Reference.ShouldBe("PO-1001");
        purchase.Balance.ShouldBe(10m);
        purchase.Warning.ShouldBeNull();

        var debit = await BillingApi.BilledAsync(s.Receivable, first.Id, 3.5m);
        debit.LedgerEntry!.Kind.ShouldBe("Debit");
        debit.LedgerEntry.Hours.ShouldBe(-3.5m);
        debit.CreditBalance.ShouldBe(6.5m);
        debit.BalanceNegative.ShouldBeFalse();
        debit.Warning.ShouldBeNull();

        var adjustment = await BillingApi.BilledAsync(s.Receivable, first.Id, 5m, "Second visit");
        adjustment.PreviousBilledHours.ShouldBe(3.5m);
        adjustment.BilledHours.ShouldBe(5m);
        adjustment.DebitedHours.ShouldBe(1.5m);
        adjustment.LedgerEntry!.Kind.ShouldBe("Adjustment");
        adjustment.LedgerEntry.Hours.ShouldBe(-1.5m);
        adjustment.CreditBalance.ShouldBe(5m);

        var overdraft = await BillingApi.BilledAsync(s.Receivable, second.Id, 8m);
        overdraft.CreditBalance.ShouldBe(-3m);
        overdraft.BalanceNegative.ShouldBeTrue();
        overdraft.Warning.ShouldNotBeNull().ShouldContain("-3.00");

        var ledger = await BillingApi.LedgerAsync(s.Receivable, s.Customer.Id);
        ledger.Balance.ShouldBe(-3m);
        ledger.BalanceNegative.ShouldBeTrue();
        ledger.Warning.ShouldNotBeNull().ShouldContain("invoiced");
        ledger.PurchasedHours.ShouldBe(10m);
        ledger.UsedHours.ShouldBe(13m);
        ledger.CustomerName.ShouldBe(s.Customer.Name);
        ledger.Entries.Select(e => (e.Sequence, e.Kind, e.Hours, e.BalanceAfter)).ShouldBe(
        [
            (4L, "Debit", -8m, -3m),
            (3L, "Adjustment", -1.5m, 5m),
            (2L, "Debit", -3.5m, 6.5m),
            (1L, "Purchase", 10m, 10m),
        ]);
        ledger.Entries[1].Note.ShouldBe("Second visit");
        ledger.NextCursor.ShouldBeNull();

        // A purchase brings it back; the warning goes.
        var topUp = await BillingApi.PurchasedAsync(s.Receivable, s.Customer.Id, 20m);
        topUp.Balance.ShouldBe(17m);
        (await BillingApi.LedgerAsync(s.Dispatcher, s.Customer.Id)).Warning.ShouldBeNull();
    }

    [Fact]
    public async Task BillingFewerHours_CreditsTheDifferenceBack_AndTheSameHoursAgainWriteNothing()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("Completed");
        await BillingApi.BilledAsync(s.Receivable, workOrder.Id, 6m);

        var fewer = await BillingApi.BilledAsync(s.Receivable, workOrder.Id, 0.5m, "Goodwill");
        fewer.BilledHours.ShouldBe(1m);
        fewer.MinimumApplied.ShouldBeTrue();
        fewer.DebitedHours.ShouldBe(-5m);
        fewer.LedgerEntry!.Kind.ShouldBe("Adjustment");
        fewer.LedgerEntry.Hours.ShouldBe(5m);
        fewer.CreditBalance.ShouldBe(-1m);

        var same = await BillingApi.BilledAsync(s.Receivable, workOrder.Id, 1m);
        same.LedgerEntry.ShouldBeNull();
        same.DebitedHours.ShouldBe(0m);
        same.CreditBalance.ShouldBe(-1m);

        (await BillingApi.LedgerAsync(s.Receivable, s.Customer.Id)).Entries.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("Assigned")]
    [InlineData("InProgress")]
    [InlineData("Cancelled")]
    public async Task BilledHours_OnWorkThatIsNotCompleted_Is409_AndChargesNothing(string status)
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync(status);

        var problem = await (await BillingApi.BillAsync(s.Receivable, workOrder.Id, 2m)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("rule").GetString().ShouldBe("WorkOrderMustBeCompletedToBill");
        (await BillingApi.HoursAsync(s.Dispatcher, workOrder.Id)).BilledHours.ShouldBeNull();
        (await BillingApi.LedgerAsync(s.Receivable, s.Customer.Id)).Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task OnceInvoiced_BilledHoursAre409()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("Completed");
        await BillingApi.BilledAsync(s.Receivable, workOrder.Id, 2m);
        (await s.Receivable.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "MarkInvoiced", ids = new[] { workOrder.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var problem = await (await BillingApi.BillAsync(s.Receivable, workOrder.Id, 3m)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("rule").GetString().ShouldBe("BilledHoursMustNotChangeOnceInvoiced");
        (await BillingApi.HoursAsync(s.Dispatcher, workOrder.Id)).BilledHours.ShouldBe(2m);
    }

    [Fact]
    public async Task IfMatch_WhenSent_MustBeTheCurrentVersion()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("Completed");
        var current = await BillingApi.HoursAsync(s.Dispatcher, workOrder.Id);

        await (await BillingApi.BillAsync(s.Receivable, workOrder.Id, 2m, ifMatch: $"\"{current.Version - 1}\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var response = await BillingApi.BillAsync(s.Receivable, workOrder.Id, 2m, ifMatch: $"\"{current.Version}\"");

        var billed = await response.ShouldBeAsync<BilledHoursBody>(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldBe($"\"{billed.Version}\"");
        billed.Version.ShouldBeGreaterThan(current.Version);
    }

    [Fact]
    public async Task BilledHours_Input_IsValidated()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("Completed");

        await (await BillingApi.BillAsync(s.Receivable, workOrder.Id, -1m)).ShouldBeValidationProblemAsync("hours");
        await (await BillingApi.BillAsync(s.Receivable, workOrder.Id, 1.234m)).ShouldBeValidationProblemAsync("hours");
        await (await BillingApi.BillAsync(s.Receivable, Guid.NewGuid(), 2m)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Purchases_AreValidated_AndAnUnknownCustomerIs404()
    {
        var s = await BillingScenario.CreateAsync(factory);

        await (await BillingApi.PurchaseAsync(s.Receivable, s.Customer.Id, 0m)).ShouldBeValidationProblemAsync("hours");
        await (await BillingApi.PurchaseAsync(s.Receivable, s.Customer.Id, 2.345m)).ShouldBeValidationProblemAsync("hours");
        await (await BillingApi.PurchaseAsync(s.Receivable, s.Customer.Id, 5m, reference: new string('x', 101))).ShouldBeValidationProblemAsync("reference");
        await (await BillingApi.PurchaseAsync(s.Receivable, Guid.NewGuid(), 5m)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await s.Receivable.GetAsync($"/api/v1/customers/{Guid.NewGuid()}/credit-hours")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await BillingApi.LedgerAsync(s.Receivable, s.Customer.Id)).Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task APurchaseRetriedWithTheSameIdempotencyKey_CountsOnce_ButTheKeyIsPerCustomer()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var (other, _) = await Wo.CustomerWithSiteAsync(s.Dispatcher);
        var key = Unique.Suffix();

        var first = await (await BillingApi.PurchaseAsync(s.Receivable, s.Customer.Id, 8m, "PO-1", idempotencyKey: key)).ShouldBeAsync<CreditHourChange>(HttpStatusCode.Created);
        var retry = await (await BillingApi.PurchaseAsync(s.Receivable, s.Customer.Id, 8m, "PO-1", idempotencyKey: key)).ShouldBeAsync<CreditHourChange>(HttpStatusCode.Created);
        var elsewhere = await (await BillingApi.PurchaseAsync(s.Receivable, other.Id, 8m, "PO-1", idempotencyKey: key)).ShouldBeAsync<CreditHourChange>(HttpStatusCode.Created);

        retry.Entry.Id.ShouldBe(first.Entry.Id);
        elsewhere.Entry.Id.ShouldNotBe(first.Entry.Id);
        elsewhere.Entry.CustomerId.ShouldBe(other.Id);
        (await BillingApi.LedgerAsync(s.Receivable, s.Customer.Id)).Balance.ShouldBe(8m);
        (await BillingApi.LedgerAsync(s.Receivable, other.Id)).Balance.ShouldBe(8m);
    }

    [Fact]
    public async Task TheLedger_IsKeysetPaged_NewestFirst()
    {
        var s = await BillingScenario.CreateAsync(factory);
        foreach (var hours in new[] { 1m, 2m, 3m, 4m, 5m })
        {
            await BillingApi.PurchasedAsync(s.Receivable, s.Customer.Id, hours);
        }

        var sequences = new List<long>();
        string? cursor = null;
        do
        {
            var page = await BillingApi.LedgerAsync(s.Receivable, s.Customer.Id, "?limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            page.Entries.Count.ShouldBeLessThanOrEqualTo(2);
            page.Balance.ShouldBe(15m);
            sequences.AddRange(page.Entries.Select(e => e.Sequence));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        sequences.ShouldBe([5L, 4L, 3L, 2L, 1L]);
        await (await s.Receivable.GetAsync($"/api/v1/customers/{s.Customer.Id}/credit-hours?cursor=not-a-cursor")).ShouldBeValidationProblemAsync("cursor");
        await (await s.Receivable.GetAsync($"/api/v1/customers/{s.Customer.Id}/credit-hours?limit=0")).ShouldBeValidationProblemAsync("limit");
    }

    [Fact]
    public async Task ConcurrentBillings_OfOneCustomer_KeepTheBalanceAndTheLedgerInStep()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrders = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            workOrders.Add((await s.WorkOrderAsync("Completed")).Id);
        }

        await BillingApi.PurchasedAsync(s.Receivable, s.Customer.Id, 10m);
        var answers = await Task.WhenAll(workOrders.Select(id => BillingApi.BillAsync(s.Receivable, id, 2m)));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);

        var ledger = await BillingApi.LedgerAsync(s.Receivable, s.Customer.Id);
        ledger.Balance.ShouldBe(2m);
        ledger.Entries.Select(e => e.Sequence).ShouldBe([5L, 4L, 3L, 2L, 1L]);
        ledger.Entries.OrderBy(e => e.Sequence).Select(e => e.BalanceAfter).ShouldBe([10m, 8m, 6m, 4m, 2m]);
    }
}

public sealed class BilledHoursAndCreditBankTestsOnSqlite(SqliteBillingFactory factory) : BilledHoursAndCreditBankTests(factory), IClassFixture<SqliteBillingFactory>;

public sealed class BilledHoursAndCreditBankTestsOnPostgres(PostgresBillingFactory factory) : BilledHoursAndCreditBankTests(factory), IClassFixture<PostgresBillingFactory>;
