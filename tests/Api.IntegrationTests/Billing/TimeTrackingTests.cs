using WorkOrders.Api.IntegrationTests.WorkOrderTests;

namespace WorkOrders.Api.IntegrationTests.Billing;

/// <summary>Timers and time entries over HTTP: one running timer per user per work order, hours to the
/// hundredth, worked hours as their sum, only on work that takes time and that the caller may see.</summary>
public abstract class TimeTrackingTests(BillingApiFactory factory)
{
    [Fact]
    public async Task StartThenStop_RecordsTheEntry_RoundedToTheHundredth_AndAddsItToTheWorkedHours()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("InProgress");
        var tech = s.Technician.Client;
        var startedAt = s.Now;

        var started = await (await BillingApi.StartAsync(tech, workOrder.Id)).ShouldBeAsync<TimeEntryResult>(HttpStatusCode.OK);
        started.Entry.IsRunning.ShouldBeTrue();
        started.Entry.EndedAt.ShouldBeNull();
        started.Entry.StartedAt.ShouldBe(startedAt);
        started.Entry.UserId.ShouldBe(s.Technician.Id);
        started.Entry.Source.ShouldBe("Timer");
        started.WorkedHours.ShouldBe(0m);

        factory.Clock.Advance(new TimeSpan(1, 20, 30)); // 1.341666… h
        var stopped = await (await BillingApi.StopAsync(tech, workOrder.Id)).ShouldBeAsync<TimeEntryResult>(HttpStatusCode.OK);

        stopped.Entry.Id.ShouldBe(started.Entry.Id);
        stopped.Entry.IsRunning.ShouldBeFalse();
        stopped.Entry.EndedAt.ShouldBe(startedAt.AddHours(1).AddMinutes(20).AddSeconds(30));
        stopped.Entry.Hours.ShouldBe(1.34m);
        stopped.WorkedHours.ShouldBe(1.34m);
        (await BillingApi.HoursAsync(s.Dispatcher, workOrder.Id)).WorkedHours.ShouldBe(1.34m);
        (await BillingApi.EntriesAsync(tech, workOrder.Id)).ShouldHaveSingleItem().Hours.ShouldBe(1.34m);
    }

    [Fact]
    public async Task ASecondStart_WhileTheTimerRuns_Is409_ButAnotherUserRunsTheirOwn()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("Assigned");
        (await BillingApi.StartAsync(s.Technician.Client, workOrder.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await (await BillingApi.StartAsync(s.Technician.Client, workOrder.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        again.GetProperty("rule").GetString().ShouldBe("OneRunningTimerPerUser");

        // Office staff run timers for themselves too.
        (await BillingApi.StartAsync(s.Dispatcher, workOrder.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var entries = await BillingApi.EntriesAsync(s.Dispatcher, workOrder.Id);
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(e => e.IsRunning);
        entries.Select(e => e.UserId).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task TwoStartsAtOnce_StartOneTimer_AndRefuseTheOther()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("InProgress");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => BillingApi.StartAsync(s.Technician.Client, workOrder.Id)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
        {
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }

        (await BillingApi.EntriesAsync(s.Dispatcher, workOrder.Id)).ShouldHaveSingleItem().IsRunning.ShouldBeTrue();
    }

    [Fact]
    public async Task Stop_WithoutARunningTimer_Is409()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("InProgress");
        (await BillingApi.StartAsync(s.Dispatcher, workOrder.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var problem = await (await BillingApi.StopAsync(s.Technician.Client, workOrder.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.GetProperty("rule").GetString().ShouldBe("TimerMustBeRunning");
        (await BillingApi.HoursAsync(s.Dispatcher, workOrder.Id)).WorkedHours.ShouldBe(0m);
    }

    [Theory]
    [InlineData("Draft")]
    [InlineData("Published")]
    [InlineData("Completed")]
    [InlineData("Cancelled")]
    public async Task WorkThatTakesNoTime_RefusesTimersAndEntries_With409(string status)
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync(status);

        var timer = await (await BillingApi.StartAsync(s.Dispatcher, workOrder.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        timer.GetProperty("rule").GetString().ShouldBe("WorkOrderMustTakeTime");
        var entry = await (await BillingApi.AddEntryAsync(s.Dispatcher, workOrder.Id, s.Now.AddHours(-2), s.Now.AddHours(-1))).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        entry.GetProperty("rule").GetString().ShouldBe("WorkOrderMustTakeTime");

        (await BillingApi.EntriesAsync(s.Dispatcher, workOrder.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task WorkedHours_AreTheSumOfTimerAndManualEntries_ListedOldestFirst()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("InProgress");
        var t0 = s.Now;

        (await BillingApi.StartAsync(s.Technician.Client, workOrder.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Clock.Advance(TimeSpan.FromMinutes(90));
        (await BillingApi.StopAsync(s.Technician.Client, workOrder.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);  // 1.50

        // The office records the technician's forgotten morning visit, and its own phone time.
        var forTech = await (await BillingApi.AddEntryAsync(s.Dispatcher, workOrder.Id, t0.AddHours(-3), t0.AddHours(-3).AddMinutes(45), "Morning visit", s.Technician.Id))
            .ShouldBeAsync<TimeEntryResult>(HttpStatusCode.Created);
        forTech.Entry.UserId.ShouldBe(s.Technician.Id);
        forTech.Entry.UserName.ShouldBe(s.Technician.Email);
        forTech.Entry.Source.ShouldBe("Manual");
        forTech.Entry.RecordedByName.ShouldNotBe(s.Technician.Email);
        forTech.Entry.Note.ShouldBe("Morning visit");
        forTech.WorkedHours.ShouldBe(2.25m);
        var own = await (await BillingApi.AddEntryAsync(s.Dispatcher, workOrder.Id, t0.AddHours(-2), t0)).ShouldBeAsync<TimeEntryResult>(HttpStatusCode.Created);
        own.WorkedHours.ShouldBe(4.25m);

        var entries = await BillingApi.EntriesAsync(s.Technician.Client, workOrder.Id);
        entries.Select(e => e.Hours).ShouldBe([0.75m, 2m, 1.5m]);
        entries.Sum(e => e.Hours).ShouldBe(4.25m);
        (await BillingApi.HoursAsync(s.Dispatcher, workOrder.Id)).WorkedHours.ShouldBe(4.25m);
    }

    [Fact]
    public async Task ManualEntries_AreChecked_Overlap409_FutureEndOrBackwardsSpanOrUnknownUser400()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var workOrder = await s.WorkOrderAsync("WaitingParts");
        var t0 = s.Now;
        (await BillingApi.AddEntryAsync(s.Dispatcher, workOrder.Id, t0.AddHours(-4), t0.AddHours(-2), userId: s.Technician.Id)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var overlap = await (await BillingApi.AddEntryAsync(s.Dispatcher, workOrder.Id, t0.AddHours(-3), t0.AddHours(-1), userId: s.Technician.Id))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        overlap.GetProperty("rule").GetString().ShouldBe("TimeEntryMustNotOverlap");
        await (await BillingApi.AddEntryAsync(s.Dispatcher, workOrder.Id, t0.AddHours(-1), t0.AddHours(1))).ShouldBeValidationProblemAsync("endedAt");
        await (await BillingApi.AddEntryAsync(s.Dispatcher, workOrder.Id, t0.AddHours(-1), t0.AddHours(-2))).ShouldBeValidationProblemAsync("endedAt");
        await (await BillingApi.AddEntryAsync(s.Dispatcher, workOrder.Id, t0.AddDays(-2), t0)).ShouldBeValidationProblemAsync("endedAt");
        await (await BillingApi.AddEntryAsync(s.Dispatcher, workOrder.Id, t0.AddHours(-1), t0, userId: "no-such-user")).ShouldBeValidationProblemAsync("userId");

        (await BillingApi.HoursAsync(s.Dispatcher, workOrder.Id)).WorkedHours.ShouldBe(2m);
    }

    [Fact]
    public async Task ARestrictedTechnician_RunsTimersOnItsOwnWorkOnly_OtherWorkIs404()
    {
        var s = await BillingScenario.CreateAsync(factory);
        var admin = await factory.SessionAsync("Admin");
        var someoneElse = await Wo.ProviderAsync(admin, "ExternalTechnician");
        var others = await Wo.MoveToAsync(s.Dispatcher, await Wo.CreateAsync(s.Dispatcher, s.Customer.Id, s.Site.Id), "InProgress", someoneElse.Id);

        await (await BillingApi.StartAsync(s.Technician.Client, others.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await BillingApi.StopAsync(s.Technician.Client, others.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await s.Technician.Client.GetAsync($"/api/v1/work-orders/{others.Id}/time-entries")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await BillingApi.EntriesAsync(s.Dispatcher, others.Id)).ShouldBeEmpty();
    }
}

public sealed class TimeTrackingTestsOnSqlite(SqliteBillingFactory factory) : TimeTrackingTests(factory), IClassFixture<SqliteBillingFactory>;

public sealed class TimeTrackingTestsOnPostgres(PostgresBillingFactory factory) : TimeTrackingTests(factory), IClassFixture<PostgresBillingFactory>;
