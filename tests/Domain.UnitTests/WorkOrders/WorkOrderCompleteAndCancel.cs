using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.WorkOrders;

public sealed class WorkOrderCompleteAndCancel
{
    [Fact]
    public void Complete_MarksOpenTasksDone_AndRecordsWhenAndNotes()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        var first = workOrder.AddTask("Shut the main");
        var second = workOrder.AddTask("Replace the seal");
        var at = WorkOrderMake.T0.AddHours(3);

        workOrder.Complete(WorkOrderMake.Actor(at), "  Seal replaced  ");

        workOrder.Status.ShouldBe(WorkOrderStatus.Completed);
        workOrder.CompletedAt.ShouldBe(at);
        workOrder.CompletionNotes.ShouldBe("Seal replaced");
        first.Status.ShouldBe(WorkOrderTaskStatus.Done);
        second.Status.ShouldBe(WorkOrderTaskStatus.Done);
        workOrder.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void Cancel_CancelsTheOpenTasks_AndReturnsHowMany()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        var tasks = new[] { workOrder.AddTask("One"), workOrder.AddTask("Two"), workOrder.AddTask("Three") };
        var at = WorkOrderMake.T0.AddHours(2);

        var cancelled = workOrder.Cancel(WorkOrderMake.Actor(at), "  Customer withdrew  ");

        cancelled.ShouldBe(3);
        workOrder.Status.ShouldBe(WorkOrderStatus.Cancelled);
        workOrder.CancelledAt.ShouldBe(at);
        workOrder.CancellationReason.ShouldBe("Customer withdrew");
        tasks.ShouldAllBe(t => t.Status == WorkOrderTaskStatus.Cancelled);
        var entry = workOrder.History.Last();
        entry.Action.ShouldBe(nameof(WorkOrderAction.Cancel));
        entry.From.ShouldBe(WorkOrderStatus.Assigned);
        entry.Reason.ShouldBe("Customer withdrew");
    }

    [Fact]
    public void Cancel_WithoutTasks_ReturnsZero_AndWithoutReason_RecordsCancelled()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Draft);

        workOrder.Cancel(WorkOrderMake.Actor(), "   ").ShouldBe(0);

        workOrder.CancellationReason.ShouldBe("Cancelled");
        workOrder.History.Last().Reason.ShouldBe("Cancelled");
    }

    [Fact]
    public void Cancel_OfACompletedWorkOrder_IsRefused_AndItsDoneTasksStayDone()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        var task = workOrder.AddTask("Only task");
        workOrder.Complete(WorkOrderMake.Actor(WorkOrderMake.T0.AddHours(1)), null);

        var ex = Should.Throw<BusinessRuleException>(() => workOrder.Cancel(WorkOrderMake.Actor(WorkOrderMake.T0.AddHours(2)), "late"));

        ex.Rule.ShouldBe(nameof(WorkOrderTransitionMustBeAllowed));
        workOrder.Status.ShouldBe(WorkOrderStatus.Completed);
        workOrder.CancelledAt.ShouldBeNull();
        task.Status.ShouldBe(WorkOrderTaskStatus.Done);
    }

    [Fact]
    public void Cancel_WithAVeryLongReason_KeepsTheFirst500CharactersOnTheWorkOrder()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Published);

        workOrder.Cancel(WorkOrderMake.Actor(), new string('r', 700));

        workOrder.CancellationReason!.Length.ShouldBe(500);
    }

    [Theory]
    [InlineData(WorkOrderStatus.Completed)]
    [InlineData(WorkOrderStatus.Cancelled)]
    public void AddTask_ToAClosedWorkOrder_IsRefused_WithWorkOrderMustBeOpen(WorkOrderStatus status)
    {
        var workOrder = WorkOrderMake.InStatus(status);

        var ex = Should.Throw<BusinessRuleException>(() => workOrder.AddTask("Too late"));

        ex.Rule.ShouldBe(nameof(WorkOrderMustBeOpen));
    }

    [Fact]
    public void Update_OfAClosedWorkOrder_IsRefused_AndOfAnOpenOne_ReplacesTheDetails()
    {
        var open = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        open.Update(WorkOrderMake.Details("Replaced title", WorkOrderCategory.Maintenance));
        open.Title.ShouldBe("Replaced title");
        open.Category.ShouldBe(WorkOrderCategory.Maintenance);
        open.SearchText.ShouldContain("REPLACED TITLE");

        var closed = WorkOrderMake.InStatus(WorkOrderStatus.Completed);
        Should.Throw<BusinessRuleException>(() => closed.Update(WorkOrderMake.Details("Nope"))).Rule.ShouldBe(nameof(WorkOrderMustBeOpen));
    }
}
