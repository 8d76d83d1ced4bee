using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.WorkOrders;

/// <summary>Every status × every action, against the table written down here from PRODUCT.md's diagram
/// (never computed by asking the machine itself):
/// <code>
/// Draft ──publish──▶ Published ──assign/route──▶ Assigned ──start──▶ InProgress
///                       ▲   ◀──unassign──            │                  │  ▲
///                                                    │        WaitingParts / WaitingOnVendor /
///                                                    │        WaitingOnCustomer ◀──┘
///  any non-terminal ──cancel──▶ Cancelled      InProgress/Waiting*/Assigned ──complete──▶ Completed
/// </code>
/// plus the bulk table's "assign / re-assign: Published or Assigned → Assigned".</summary>
public sealed class WorkOrderStatusMachineTable
{
    /// <summary>Where each action leads (the requested status), per the diagram.</summary>
    private static readonly Dictionary<WorkOrderAction, WorkOrderStatus> TargetOf = new()
    {
        [WorkOrderAction.Publish] = WorkOrderStatus.Published,
        [WorkOrderAction.Assign] = WorkOrderStatus.Assigned,
        [WorkOrderAction.Unassign] = WorkOrderStatus.Published,
        [WorkOrderAction.Start] = WorkOrderStatus.InProgress,
        [WorkOrderAction.WaitForParts] = WorkOrderStatus.WaitingParts,
        [WorkOrderAction.WaitForVendor] = WorkOrderStatus.WaitingOnVendor,
        [WorkOrderAction.WaitForCustomer] = WorkOrderStatus.WaitingOnCustomer,
        [WorkOrderAction.Resume] = WorkOrderStatus.InProgress,
        [WorkOrderAction.Complete] = WorkOrderStatus.Completed,
        [WorkOrderAction.Cancel] = WorkOrderStatus.Cancelled,
    };

    /// <summary>The allowed (status, action) pairs of the diagram. Everything else is forbidden.</summary>
    private static readonly Dictionary<WorkOrderStatus, WorkOrderAction[]> Allowed = new()
    {
        [WorkOrderStatus.Draft] = [WorkOrderAction.Publish, WorkOrderAction.Cancel],
        [WorkOrderStatus.Published] = [WorkOrderAction.Assign, WorkOrderAction.Cancel],
        [WorkOrderStatus.Assigned] = [WorkOrderAction.Assign, WorkOrderAction.Unassign, WorkOrderAction.Start, WorkOrderAction.Complete, WorkOrderAction.Cancel],
        [WorkOrderStatus.InProgress] =
            [WorkOrderAction.WaitForParts, WorkOrderAction.WaitForVendor, WorkOrderAction.WaitForCustomer, WorkOrderAction.Complete, WorkOrderAction.Cancel],

        // The diagram draws InProgress ⇄ Waiting only: a waiting work order resumes, completes or is cancelled.
        // It does not wait again (no WaitingParts → WaitingParts self-loop, no Waiting → other Waiting edge).
        [WorkOrderStatus.WaitingParts] = [WorkOrderAction.Resume, WorkOrderAction.Complete, WorkOrderAction.Cancel],
        [WorkOrderStatus.WaitingOnVendor] = [WorkOrderAction.Resume, WorkOrderAction.Complete, WorkOrderAction.Cancel],
        [WorkOrderStatus.WaitingOnCustomer] = [WorkOrderAction.Resume, WorkOrderAction.Complete, WorkOrderAction.Cancel],
        [WorkOrderStatus.Completed] = [],
        [WorkOrderStatus.Cancelled] = [],
    };

    public static TheoryData<WorkOrderStatus, WorkOrderAction> AllPairs()
    {
        var data = new TheoryData<WorkOrderStatus, WorkOrderAction>();
        foreach (var status in Enum.GetValues<WorkOrderStatus>())
        {
            foreach (var action in Enum.GetValues<WorkOrderAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    public static TheoryData<WorkOrderStatus> AllStatuses() => new(Enum.GetValues<WorkOrderStatus>());

    [Fact]
    public void TheExpectedTable_CoversEveryStatusAndAction()
    {
        Allowed.Keys.ShouldBe(Enum.GetValues<WorkOrderStatus>(), ignoreOrder: true);
        TargetOf.Keys.ShouldBe(Enum.GetValues<WorkOrderAction>(), ignoreOrder: true);
        AllPairs().Count.ShouldBe(9 * 10);
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Machine_AllowsExactlyTheDiagramsTransitions_AndRefusesTheRest_NamingCurrentAndRequested(WorkOrderStatus from, WorkOrderAction action)
    {
        var allowed = Allowed[from].Contains(action);

        WorkOrderStatusMachine.CanApply(from, action).ShouldBe(allowed, $"{from} --{action}-->");
        if (allowed)
        {
            WorkOrderStatusMachine.Apply(from, action).ShouldBe(TargetOf[action]);
            return;
        }

        var ex = Should.Throw<BusinessRuleException>(() => WorkOrderStatusMachine.Apply(from, action));
        ex.Rule.ShouldBe(nameof(WorkOrderTransitionMustBeAllowed));
        var rule = ex.BrokenRule.ShouldBeOfType<WorkOrderTransitionMustBeAllowed>();
        rule.Current.ShouldBe(from);
        rule.Requested.ShouldBe(TargetOf[action]);
        ex.Message.ShouldContain(from.ToString());
        ex.Message.ShouldContain(TargetOf[action].ToString());
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void AllowedActions_PerStatus_AreExactlyThoseOfTheDiagram(WorkOrderStatus status) =>
        WorkOrderStatusMachine.AllowedActions(status).ShouldBe(Allowed[status], ignoreOrder: true);

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Aggregate_AppliesEachAction_AsTheDiagramSays_AndRecordsItInTheHistory(WorkOrderStatus from, WorkOrderAction action)
    {
        var workOrder = WorkOrderMake.InStatus(from);
        var historyBefore = workOrder.History.Count;
        var versionOfDetails = (workOrder.Routing, workOrder.ProviderId, workOrder.TeamId);
        var actor = WorkOrderMake.Actor(WorkOrderMake.T0.AddHours(5), "user-42", "Sam Supervisor");

        void Act()
        {
            if (action == WorkOrderAction.Assign)
            {
                workOrder.AssignToProvider(WorkOrderMake.Provider("Second provider"), actor);
            }
            else
            {
                workOrder.Apply(action, actor, "because");
            }
        }

        if (Allowed[from].Contains(action))
        {
            Act();

            workOrder.Status.ShouldBe(TargetOf[action]);
            workOrder.StatusChangedAt.ShouldBe(actor.At);
            workOrder.History.Count.ShouldBe(historyBefore + 1);
            var entry = workOrder.History.Last();
            entry.From.ShouldBe(from);
            entry.To.ShouldBe(TargetOf[action]);
            entry.Action.ShouldBe(action.ToString());
            entry.ChangedBy.ShouldBe("user-42");
            entry.ChangedByName.ShouldBe("Sam Supervisor");
            entry.ChangedAt.ShouldBe(actor.At);
            workOrder.DomainEvents.OfType<WorkOrderStatusChanged>().ShouldHaveSingleItem()
                .ShouldBe(new WorkOrderStatusChanged(workOrder.Id, from, TargetOf[action], entry.Reason));
            return;
        }

        var ex = Should.Throw<BusinessRuleException>(Act);
        ex.Rule.ShouldBe(nameof(WorkOrderTransitionMustBeAllowed));
        ex.Message.ShouldContain(from.ToString());
        ex.Message.ShouldContain(TargetOf[action].ToString());
        workOrder.Status.ShouldBe(from);
        workOrder.History.Count.ShouldBe(historyBefore);
        (workOrder.Routing, workOrder.ProviderId, workOrder.TeamId).ShouldBe(versionOfDetails);
        workOrder.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void RefusalMessage_NamesTheActionAndBothStatuses()
    {
        var ex = Should.Throw<BusinessRuleException>(() => WorkOrderStatusMachine.Apply(WorkOrderStatus.Draft, WorkOrderAction.Start));

        ex.Message.ShouldBe("Cannot Start a work order that is Draft: Draft → InProgress is not allowed.");
    }

    [Theory]
    [InlineData(WorkOrderStatus.Draft, true)]
    [InlineData(WorkOrderStatus.Published, true)]
    [InlineData(WorkOrderStatus.Assigned, true)]
    [InlineData(WorkOrderStatus.InProgress, true)]
    [InlineData(WorkOrderStatus.WaitingParts, true)]
    [InlineData(WorkOrderStatus.WaitingOnVendor, true)]
    [InlineData(WorkOrderStatus.WaitingOnCustomer, true)]
    [InlineData(WorkOrderStatus.Completed, false)]
    [InlineData(WorkOrderStatus.Cancelled, false)]
    public void IsOpen_IsEverythingButCompletedAndCancelled(WorkOrderStatus status, bool open)
    {
        WorkOrderStatusMachine.IsOpen(status).ShouldBe(open);
        WorkOrderStatusMachine.OpenStatuses.Contains(status).ShouldBe(open);
        WorkOrderMake.InStatus(status).IsOpen.ShouldBe(open);
    }

    [Fact]
    public void InProgressGroup_OfTheCustomerDashboard_IsInProgressAndTheThreeWaitingStates()
    {
        WorkOrderStatusMachine.InProgressGroup.ShouldBe(
            [WorkOrderStatus.InProgress, WorkOrderStatus.WaitingParts, WorkOrderStatus.WaitingOnVendor, WorkOrderStatus.WaitingOnCustomer], ignoreOrder: true);
        WorkOrderStatusMachine.WaitingStatuses.ShouldBe(
            [WorkOrderStatus.WaitingParts, WorkOrderStatus.WaitingOnVendor, WorkOrderStatus.WaitingOnCustomer], ignoreOrder: true);
    }
}
