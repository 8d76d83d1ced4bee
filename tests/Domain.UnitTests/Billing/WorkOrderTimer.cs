using WorkOrders.Domain.Billing;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.UnitTests.WorkOrders;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.Billing;

/// <summary>Timers on a work order: one running per user, only on work that takes time; stopping one records
/// its hours (to the hundredth) in the worked hours.</summary>
public sealed class WorkOrderTimer
{
    private static readonly DateTime Nine = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Actor Tech(DateTime at, string userId = "tech-1") => WorkOrderMake.Actor(at, userId, $"{userId}@example.com");

    [Theory]
    [InlineData(WorkOrderStatus.Assigned)]
    [InlineData(WorkOrderStatus.InProgress)]
    [InlineData(WorkOrderStatus.WaitingParts)]
    [InlineData(WorkOrderStatus.WaitingOnVendor)]
    [InlineData(WorkOrderStatus.WaitingOnCustomer)]
    public void Start_OnWorkThatTakesTime_RunsATimerForTheActor(WorkOrderStatus status)
    {
        var workOrder = WorkOrderMake.InStatus(status);

        var entry = workOrder.StartTimer(Tech(Nine));

        entry.IsRunning.ShouldBeTrue();
        entry.UserId.ShouldBe("tech-1");
        entry.UserName.ShouldBe("tech-1@example.com");
        entry.StartedAt.ShouldBe(Nine);
        entry.EndedAt.ShouldBeNull();
        entry.Hours.ShouldBe(0m);
        entry.Source.ShouldBe(TimeEntrySource.Timer);
        workOrder.TimeEntries.ShouldBe([entry]);
        workOrder.WorkedHours.ShouldBe(0m);
    }

    [Theory]
    [InlineData(WorkOrderStatus.Draft)]
    [InlineData(WorkOrderStatus.Published)]
    [InlineData(WorkOrderStatus.Completed)]
    [InlineData(WorkOrderStatus.Cancelled)]
    public void Start_OnWorkThatTakesNoTime_IsRefused(WorkOrderStatus status)
    {
        var workOrder = WorkOrderMake.InStatus(status);

        var refused = Should.Throw<BusinessRuleException>(() => workOrder.StartTimer(Tech(Nine)));

        refused.BrokenRule.ShouldBeOfType<WorkOrderMustTakeTime>();
        refused.Message.ShouldContain(status.ToString());
        workOrder.TimeEntries.ShouldBeEmpty();
    }

    [Fact]
    public void Start_ASecondTimeBeforeStopping_IsRefused_ButAnotherUserMayRunTheirs()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.StartTimer(Tech(Nine));

        Should.Throw<BusinessRuleException>(() => workOrder.StartTimer(Tech(Nine.AddMinutes(5))))
            .BrokenRule.ShouldBeOfType<OneRunningTimerPerUser>();
        workOrder.StartTimer(Tech(Nine.AddMinutes(5), "tech-2"));

        workOrder.TimeEntries.Count(e => e.IsRunning).ShouldBe(2);
    }

    [Fact]
    public void Start_AfterStopping_RunsANewTimer()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.StartTimer(Tech(Nine));
        workOrder.StopTimer(Tech(Nine.AddHours(1)));

        workOrder.StartTimer(Tech(Nine.AddHours(2)));

        workOrder.TimeEntries.Count.ShouldBe(2);
        workOrder.TimeEntries.Count(e => e.IsRunning).ShouldBe(1);
    }

    [Fact]
    public void Stop_EndsTheEntry_RoundsItsHoursToTheHundredth_AndAddsThemToTheWorkedHours()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.StartTimer(Tech(Nine));

        var entry = workOrder.StopTimer(Tech(Nine.AddHours(1).AddMinutes(20).AddSeconds(30))); // 1.341666… h

        entry.IsRunning.ShouldBeFalse();
        entry.EndedAt.ShouldBe(Nine.AddHours(1).AddMinutes(20).AddSeconds(30));
        entry.Hours.ShouldBe(1.34m);
        workOrder.WorkedHours.ShouldBe(1.34m);
    }

    [Fact]
    public void Stop_HalfAHundredth_RoundsUp()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.StartTimer(Tech(Nine));

        workOrder.StopTimer(Tech(Nine.AddSeconds(18))).Hours.ShouldBe(0.01m); // 0.005 h
    }

    [Fact]
    public void Stop_WithoutARunningTimer_IsRefused_EvenWhenSomeoneElsesRuns()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.StartTimer(Tech(Nine, "tech-2"));

        Should.Throw<BusinessRuleException>(() => workOrder.StopTimer(Tech(Nine.AddHours(1))))
            .BrokenRule.ShouldBeOfType<TimerMustBeRunning>();

        workOrder.TimeEntries.Single().IsRunning.ShouldBeTrue();
        workOrder.WorkedHours.ShouldBe(0m);
    }

    [Fact]
    public void Stop_AfterTheWorkWasCompleted_CountsTheTimeUntilTheCompletionOnly()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.StartTimer(Tech(Nine));
        workOrder.Complete(WorkOrderMake.Actor(Nine.AddHours(2)), "Done");

        var entry = workOrder.StopTimer(Tech(Nine.AddHours(5)));

        entry.EndedAt.ShouldBe(Nine.AddHours(2));
        entry.Hours.ShouldBe(2m);
        workOrder.WorkedHours.ShouldBe(2m);
    }

    [Fact]
    public void ATimer_NeedsAUser()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);

        Should.Throw<ArgumentException>(() => workOrder.StartTimer(new Actor(null, "system", Nine)));
    }

    [Fact]
    public void Start_OnADeletedWorkOrder_IsRefused()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        workOrder.Delete(WorkOrderMake.Actor(Nine));

        Should.Throw<BusinessRuleException>(() => workOrder.StartTimer(Tech(Nine))).BrokenRule.ShouldBeOfType<WorkOrderMustNotBeDeleted>();
    }
}
