using WorkOrders.Domain.Billing;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.UnitTests.WorkOrders;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.Billing;

/// <summary>Time entered afterwards by the office, and worked hours as the sum of every finished entry.</summary>
public sealed class WorkOrderTimeEntries
{
    private static readonly DateTime Nine = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Office = WorkOrderMake.Actor(Nine.AddDays(1), "office-1", "office@example.com");

    private static Actor Tech(DateTime at, string userId = "tech-1") => WorkOrderMake.Actor(at, userId, $"{userId}@example.com");

    [Fact]
    public void Add_RecordsTheSpanForTheUser_ByTheOffice_AndAddsItsHours()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);

        var entry = workOrder.AddTimeEntry("tech-1", "tech-1@example.com", Nine, Nine.AddMinutes(45), "  Phone fix  ", Office);

        entry.Source.ShouldBe(TimeEntrySource.Manual);
        entry.UserId.ShouldBe("tech-1");
        entry.RecordedBy.ShouldBe("office-1");
        entry.RecordedByName.ShouldBe("office@example.com");
        entry.RecordedAt.ShouldBe(Office.At);
        entry.Note.ShouldBe("Phone fix");
        entry.Hours.ShouldBe(0.75m);
        entry.IsRunning.ShouldBeFalse();
        workOrder.WorkedHours.ShouldBe(0.75m);
    }

    [Fact]
    public void WorkedHours_AreTheSumOfTheRoundedHoursOfEveryFinishedEntry_RunningTimersExcluded()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.StartTimer(Tech(Nine));
        workOrder.StopTimer(Tech(Nine.AddMinutes(100)));                          // 1.666… → 1.67
        workOrder.StartTimer(Tech(Nine.AddHours(3), "tech-2"));
        workOrder.StopTimer(Tech(Nine.AddHours(3).AddMinutes(30), "tech-2"));     // 0.50
        workOrder.AddTimeEntry("tech-1", "tech-1", Nine.AddHours(5), Nine.AddHours(7).AddMinutes(1), null, Office); // 2.016… → 2.02
        workOrder.StartTimer(Tech(Nine.AddHours(8)));                             // running: not counted

        workOrder.WorkedHours.ShouldBe(1.67m + 0.50m + 2.02m);
        workOrder.WorkedHours.ShouldBe(workOrder.TimeEntries.Sum(e => e.Hours));
    }

    [Fact]
    public void Add_OverlappingTheUsersOtherTimeOnTheWorkOrder_IsRefused()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.AddTimeEntry("tech-1", "tech-1", Nine, Nine.AddHours(2), null, Office);

        var refused = Should.Throw<BusinessRuleException>(() => workOrder.AddTimeEntry("tech-1", "tech-1", Nine.AddHours(1), Nine.AddHours(3), null, Office));

        refused.BrokenRule.ShouldBeOfType<TimeEntryMustNotOverlap>();
        workOrder.TimeEntries.Count.ShouldBe(1);
        workOrder.WorkedHours.ShouldBe(2m);
    }

    [Fact]
    public void Add_BackToBack_OrForAnotherUser_IsNoOverlap()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.AddTimeEntry("tech-1", "tech-1", Nine, Nine.AddHours(2), null, Office);

        workOrder.AddTimeEntry("tech-1", "tech-1", Nine.AddHours(2), Nine.AddHours(3), null, Office);
        workOrder.AddTimeEntry("tech-2", "tech-2", Nine, Nine.AddHours(2), null, Office);

        workOrder.WorkedHours.ShouldBe(5m);
    }

    [Fact]
    public void Add_OverlappingTheUsersRunningTimer_IsRefused()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.StartTimer(Tech(Nine));

        Should.Throw<BusinessRuleException>(() => workOrder.AddTimeEntry("tech-1", "tech-1", Nine.AddHours(1), Nine.AddHours(2), null, Tech(Nine.AddHours(3), "office-1")))
            .Message.ShouldContain("running timer");
    }

    [Theory]
    [InlineData(WorkOrderStatus.Draft)]
    [InlineData(WorkOrderStatus.Published)]
    [InlineData(WorkOrderStatus.Completed)]
    [InlineData(WorkOrderStatus.Cancelled)]
    public void Add_OnWorkThatTakesNoTime_IsRefused(WorkOrderStatus status)
    {
        var workOrder = WorkOrderMake.InStatus(status);

        Should.Throw<BusinessRuleException>(() => workOrder.AddTimeEntry("tech-1", "tech-1", Nine, Nine.AddHours(1), null, Office))
            .BrokenRule.ShouldBeOfType<WorkOrderMustTakeTime>();
        workOrder.WorkedHours.ShouldBe(0m);
    }

    [Fact]
    public void Add_EndingBeforeItStarts_IsRefused()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);

        Should.Throw<ArgumentException>(() => workOrder.AddTimeEntry("tech-1", "tech-1", Nine, Nine, null, Office));
    }

    [Fact]
    public void HoursBetween_RoundsToTheHundredth_AndIsNeverNegative()
    {
        BillingPolicy.HoursBetween(Nine, Nine.AddMinutes(1)).ShouldBe(0.02m);   // 0.01666…
        BillingPolicy.HoursBetween(Nine, Nine.AddSeconds(17)).ShouldBe(0m);     // 0.00472…
        BillingPolicy.HoursBetween(Nine, Nine.AddHours(-1)).ShouldBe(0m);
        BillingPolicy.HoursBetween(Nine, Nine.AddHours(8)).ShouldBe(8m);
    }
}
