using WorkOrders.Api.IntegrationTests.WorkOrderTests;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Api.IntegrationTests.Billing;

/// <summary>The progress report: estimated labour of approved line items vs worked hours, waiting time, billed
/// hours, and the customer's balance before and after this job (with a dry-run preview of a billing).</summary>
public abstract class ProgressReportTests(BillingApiFactory factory)
{
    [Fact]
    public async Task EstimateVsActual_Waiting_AndTheProjectedBalance_FromStartToBilled()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("InProgress");
        var approvedA = await AddLineItemAsync(s, workOrder.Id, 2m);
        var approvedB = await AddLineItemAsync(s, workOrder.Id, 3m);
        var pending = await AddLineItemAsync(s, workOrder.Id, 1.5m);
        var rejected = await AddLineItemAsync(s, workOrder.Id, 4m);
        await BillingApi.DecideAsync(factory, approvedA, ApprovalStatus.Approved);
        await BillingApi.DecideAsync(factory, approvedB, ApprovalStatus.Approved);
        await BillingApi.DecideAsync(factory, rejected, ApprovalStatus.Rejected);
        _ = pending;
        await BillingApi.PurchasedAsync(s.Receivable, s.Customer.Id, 4m);

        // Nothing worked yet: the job is projected at its estimate.
        var fresh = await BillingApi.ProgressAsync(s.Dispatcher, workOrder.Id);
        fresh.EstimatedLabourHours.ShouldBe(5m);
        fresh.PendingEstimatedLabourHours.ShouldBe(1.5m);
        fresh.WorkedHours.ShouldBe(0m);
        fresh.PercentOfEstimate.ShouldBe(0m);
        fresh.CreditBalance.ShouldBe(4m);
        fresh.ProjectedBilledHours.ShouldBe(5m);
        fresh.ProjectedBalance.ShouldBe(-1m);
        fresh.WouldGoNegative.ShouldBeTrue();
        fresh.Warning.ShouldNotBeNull();

        // Two hours on the timer (one still running elsewhere), a wait for parts, an entry by the office.
        (await BillingApi.StartAsync(s.Technician.Client, workOrder.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await BillingApi.StartAsync(s.Dispatcher, workOrder.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromHours(2));
        (await BillingApi.StopAsync(s.Technician.Client, workOrder.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Wo.TransitionAsync(s.Technician.Client, workOrder.Id, "WaitForParts", reason: "Seal on order");
        factory.Clock.Advance(TimeSpan.FromMinutes(30));

        var waiting = await BillingApi.ProgressAsync(s.Receivable, workOrder.Id);
        waiting.Status.ShouldBe("WaitingParts");
        waiting.IsWaiting.ShouldBeTrue();
        waiting.WaitingSeconds.ShouldBe(30 * 60);
        waiting.RunningTimers.ShouldBe(1);
        waiting.WorkedHours.ShouldBe(2m);

        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        await Wo.TransitionAsync(s.Technician.Client, workOrder.Id, "Resume");
        (await BillingApi.AddEntryAsync(s.Dispatcher, workOrder.Id, s.Now.AddDays(-1), s.Now.AddDays(-1).AddHours(1.25), "Phone diagnosis", s.Technician.Id))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        factory.Clock.Advance(TimeSpan.FromHours(1));

        var working = await BillingApi.ProgressAsync(s.Dispatcher, workOrder.Id);
        working.IsWaiting.ShouldBeFalse();
        working.WaitingSeconds.ShouldBe(45 * 60);
        working.WorkedHours.ShouldBe(3.25m);
        working.VarianceHours.ShouldBe(-1.75m);
        working.PercentOfEstimate.ShouldBe(65m);
        working.ProjectedBilledHours.ShouldBe(5m); // the estimate is still larger than the work so far

        // The dry run of a billing: nothing is charged by reading it.
        var preview = await BillingApi.ProgressAsync(s.Dispatcher, workOrder.Id, billedHours: 3m);
        preview.ProjectedBilledHours.ShouldBe(3m);
        preview.ProjectedBalance.ShouldBe(1m);
        preview.WouldGoNegative.ShouldBeFalse();
        preview.Warning.ShouldBeNull();
        var underMinimum = await BillingApi.ProgressAsync(s.Dispatcher, workOrder.Id, billedHours: 0.5m);
        underMinimum.ProjectedBilledHours.ShouldBe(1m);
        underMinimum.ProjectedMinimumApplied.ShouldBeTrue();
        underMinimum.ProjectedBalance.ShouldBe(3m);

        // Completed and billed: the job is in the balance now; a preview counts what is already debited once.
        (await BillingApi.StopAsync(s.Dispatcher, workOrder.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Wo.TransitionAsync(s.Dispatcher, workOrder.Id, "Complete", reason: "Fixed");
        await BillingApi.BilledAsync(s.Receivable, workOrder.Id, 4.5m);

        var billed = await BillingApi.ProgressAsync(s.Dispatcher, workOrder.Id);
        billed.WorkedHours.ShouldBe(3.25m + 3.75m); // the office timer ran 3 h 45 min
        billed.BilledHours.ShouldBe(4.5m);
        billed.BilledMinimumApplied.ShouldBeFalse();
        billed.CreditBalance.ShouldBe(-0.5m);
        billed.ProjectedBilledHours.ShouldBe(4.5m);
        billed.ProjectedBalance.ShouldBe(-0.5m);
        billed.WouldGoNegative.ShouldBeTrue();
        var rebill = await BillingApi.ProgressAsync(s.Dispatcher, workOrder.Id, billedHours: 4m);
        rebill.ProjectedBalance.ShouldBe(0m);
        rebill.WouldGoNegative.ShouldBeFalse();
        (await BillingApi.LedgerAsync(s.Receivable, s.Customer.Id)).Balance.ShouldBe(-0.5m);
    }

    [Fact]
    public async Task WithoutAnEstimate_TheWorkedHoursAreProjected_NeverBelowTheMinimum()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("Assigned");

        var report = await BillingApi.ProgressAsync(s.Dispatcher, workOrder.Id);

        report.EstimatedLabourHours.ShouldBe(0m);
        report.PercentOfEstimate.ShouldBeNull();
        report.CreditBalance.ShouldBe(0m);
        report.ProjectedBilledHours.ShouldBe(1m);
        report.ProjectedMinimumApplied.ShouldBeTrue();
        report.ProjectedBalance.ShouldBe(-1m);
        report.WouldGoNegative.ShouldBeTrue();
        report.MinimumBilledHours.ShouldBe(1m);
        await (await s.Dispatcher.GetAsync($"/api/v1/work-orders/{workOrder.Id}/progress?billedHours=-1")).ShouldBeValidationProblemAsync("billedHours");
        await (await s.Dispatcher.GetAsync($"/api/v1/work-orders/{Guid.NewGuid()}/progress")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<Guid> AddLineItemAsync(BillingScenario s, Guid workOrderId, decimal hours)
    {
        var response = await s.Dispatcher.PostJsonAsync($"/api/v1/work-orders/{workOrderId}/line-items",
            new { description = Unique.Name("Item"), estimatedLabourHours = hours, partsCost = 10m, hourlyRate = 80m });
        return (await response.ShouldBeAsync<WoLineItem>(HttpStatusCode.Created)).Id;
    }
}

public sealed class ProgressReportTestsOnSqlite(SqliteBillingFactory factory) : ProgressReportTests(factory), IClassFixture<SqliteBillingFactory>;

public sealed class ProgressReportTestsOnPostgres(PostgresBillingFactory factory) : ProgressReportTests(factory), IClassFixture<PostgresBillingFactory>;
