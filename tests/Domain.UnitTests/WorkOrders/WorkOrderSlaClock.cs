using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.WorkOrders;

/// <summary>The SLA clock: time in the three Waiting states is accumulated per work order; it pauses while work runs.</summary>
public sealed class WorkOrderSlaClock
{
    private static readonly DateTime Start = new(2026, 5, 4, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Waiting_StartsTheClock_AtTheActorsTime()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);

        workOrder.Wait(WorkOrderAction.WaitForParts, WorkOrderMake.Actor(Start), "Seal on back-order");

        workOrder.WaitingSince.ShouldBe(Start);
        workOrder.WaitingSeconds.ShouldBe(0);
    }

    [Fact]
    public void Resume_StopsTheClock_AndAddsTheWaitedTime()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.Wait(WorkOrderAction.WaitForParts, WorkOrderMake.Actor(Start), null);

        workOrder.Resume(WorkOrderMake.Actor(Start.AddHours(2)), "Parts arrived");

        workOrder.Status.ShouldBe(WorkOrderStatus.InProgress);
        workOrder.WaitingSince.ShouldBeNull();
        workOrder.WaitingSeconds.ShouldBe(2 * 3600);
    }

    [Fact]
    public void SeveralWaits_Accumulate_AndTheWorkingTimeBetweenThemIsNotCounted()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);

        workOrder.Wait(WorkOrderAction.WaitForParts, WorkOrderMake.Actor(Start), null);
        workOrder.Resume(WorkOrderMake.Actor(Start.AddMinutes(90)), null);             // waited 90 min
        workOrder.Wait(WorkOrderAction.WaitForVendor, WorkOrderMake.Actor(Start.AddHours(5)), null); // worked 3.5 h: paused
        workOrder.Resume(WorkOrderMake.Actor(Start.AddHours(5).AddSeconds(45)), null);  // waited 45 s
        workOrder.Wait(WorkOrderAction.WaitForCustomer, WorkOrderMake.Actor(Start.AddDays(1)), "Access needed");

        workOrder.WaitingSeconds.ShouldBe((90 * 60) + 45);
        workOrder.WaitingSince.ShouldBe(Start.AddDays(1));

        workOrder.Resume(WorkOrderMake.Actor(Start.AddDays(4)), "Customer answered"); // waited 3 days

        workOrder.WaitingSeconds.ShouldBe((90 * 60) + 45 + (3 * 24 * 3600));
        workOrder.WaitingSince.ShouldBeNull();
    }

    [Fact]
    public void CompletingWhileWaiting_StopsTheClock_AndCountsTheLastWait()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.Wait(WorkOrderAction.WaitForCustomer, WorkOrderMake.Actor(Start), null);

        workOrder.Complete(WorkOrderMake.Actor(Start.AddMinutes(30)), "Done anyway");

        workOrder.Status.ShouldBe(WorkOrderStatus.Completed);
        workOrder.WaitingSince.ShouldBeNull();
        workOrder.WaitingSeconds.ShouldBe(30 * 60);
    }

    [Fact]
    public void CancellingWhileWaiting_StopsTheClock_AndCountsTheLastWait()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.Wait(WorkOrderAction.WaitForVendor, WorkOrderMake.Actor(Start), null);

        workOrder.Cancel(WorkOrderMake.Actor(Start.AddSeconds(10)), "Vendor gone");

        workOrder.WaitingSince.ShouldBeNull();
        workOrder.WaitingSeconds.ShouldBe(10);
    }

    [Fact]
    public void ATimeBeforeTheWaitBegan_NeverSubtracts()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        workOrder.Wait(WorkOrderAction.WaitForParts, WorkOrderMake.Actor(Start), null);

        workOrder.Resume(WorkOrderMake.Actor(Start.AddMinutes(-5)), "clock skew");

        workOrder.WaitingSeconds.ShouldBe(0);
    }

    [Fact]
    public void Wait_WithANonWaitingAction_IsRefused()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);

        Should.Throw<ArgumentOutOfRangeException>(() => workOrder.Wait(WorkOrderAction.Complete, WorkOrderMake.Actor(Start), null));

        workOrder.Status.ShouldBe(WorkOrderStatus.InProgress);
        workOrder.WaitingSince.ShouldBeNull();
    }
}
