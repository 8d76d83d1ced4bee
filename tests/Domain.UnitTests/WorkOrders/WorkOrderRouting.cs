using WorkOrders.Domain.Common;
using WorkOrders.Domain.ServiceProviders;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.WorkOrders;

/// <summary>Assign / re-assign to a provider, to a team, send to WorkMarket, unassign.</summary>
public sealed class WorkOrderRouting
{
    [Fact]
    public void AssignToProvider_FromPublished_IsAssigned_RoutedToTheProvider_AndRaisesWorkOrderAssigned()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Published);
        var provider = WorkOrderMake.Provider("Acme Plumbing");

        workOrder.AssignToProvider(provider, WorkOrderMake.Actor(WorkOrderMake.T0.AddHours(1)));

        workOrder.Status.ShouldBe(WorkOrderStatus.Assigned);
        workOrder.Routing.ShouldBe(RoutingKind.Provider);
        workOrder.ProviderId.ShouldBe(provider.Id);
        workOrder.TeamId.ShouldBeNull();
        workOrder.History.Last().Reason.ShouldBe("Assigned to Acme Plumbing");
        workOrder.DomainEvents.ShouldContain(new WorkOrderAssigned(workOrder.Id, RoutingKind.Provider, provider.Id));
    }

    [Fact]
    public void ReAssign_FromAssigned_ToAnotherProvider_ReplacesTheProvider()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        var second = WorkOrderMake.Provider("Second Co");

        workOrder.AssignToProvider(second, WorkOrderMake.Actor(WorkOrderMake.T0.AddHours(1)));

        workOrder.Status.ShouldBe(WorkOrderStatus.Assigned);
        workOrder.ProviderId.ShouldBe(second.Id);
        workOrder.History.Last().From.ShouldBe(WorkOrderStatus.Assigned);
        workOrder.History.Last().To.ShouldBe(WorkOrderStatus.Assigned);
    }

    [Fact]
    public void AssignToAnInactiveProvider_IsRefused_WithServiceProviderMustBeActive_AndChangesNothing()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Published);
        var history = workOrder.History.Count;

        var ex = Should.Throw<BusinessRuleException>(() =>
            workOrder.AssignToProvider(WorkOrderMake.Provider("Retired Co", active: false), WorkOrderMake.Actor()));

        ex.Rule.ShouldBe(nameof(ServiceProviderMustBeActive));
        workOrder.Status.ShouldBe(WorkOrderStatus.Published);
        workOrder.Routing.ShouldBe(RoutingKind.Unassigned);
        workOrder.ProviderId.ShouldBeNull();
        workOrder.History.Count.ShouldBe(history);
    }

    [Fact]
    public void AssignToTeam_RoutesToTheTeam_AndClearsTheProvider()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        var team = WorkOrderMake.Team("North crew");

        workOrder.AssignToTeam(team, WorkOrderMake.Actor(WorkOrderMake.T0.AddHours(1)));

        workOrder.Status.ShouldBe(WorkOrderStatus.Assigned);
        workOrder.Routing.ShouldBe(RoutingKind.Team);
        workOrder.TeamId.ShouldBe(team.Id);
        workOrder.ProviderId.ShouldBeNull();
        workOrder.History.Last().Reason.ShouldBe("Assigned to team North crew");
        workOrder.DomainEvents.ShouldContain(new WorkOrderAssigned(workOrder.Id, RoutingKind.Team, team.Id));
    }

    [Fact]
    public void AssignToAnInactiveTeam_IsRefused_WithServiceProviderTeamMustBeActive()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Published);

        var ex = Should.Throw<BusinessRuleException>(() => workOrder.AssignToTeam(WorkOrderMake.Team(active: false), WorkOrderMake.Actor()));

        ex.Rule.ShouldBe(nameof(ServiceProviderTeamMustBeActive));
        workOrder.Status.ShouldBe(WorkOrderStatus.Published);
        workOrder.TeamId.ShouldBeNull();
    }

    [Fact]
    public void SendToWorkMarket_IsAssigned_RoutedToWorkMarket_WithNoProviderOrTeam()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);

        workOrder.SendToWorkMarket(WorkOrderMake.Actor(WorkOrderMake.T0.AddHours(1)));

        workOrder.Status.ShouldBe(WorkOrderStatus.Assigned);
        workOrder.Routing.ShouldBe(RoutingKind.WorkMarket);
        workOrder.ProviderId.ShouldBeNull();
        workOrder.TeamId.ShouldBeNull();
        workOrder.History.Last().Reason.ShouldBe("Sent to WorkMarket");
        workOrder.DomainEvents.ShouldContain(new WorkOrderAssigned(workOrder.Id, RoutingKind.WorkMarket, null));
    }

    [Fact]
    public void SendToWorkMarket_FromDraft_IsRefused_ByTheStatusMachine()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Draft);

        var ex = Should.Throw<BusinessRuleException>(() => workOrder.SendToWorkMarket(WorkOrderMake.Actor()));

        ex.Rule.ShouldBe(nameof(WorkOrderTransitionMustBeAllowed));
        workOrder.Routing.ShouldBe(RoutingKind.Unassigned);
    }

    [Theory]
    [InlineData(RoutingKind.Provider)]
    [InlineData(RoutingKind.Team)]
    [InlineData(RoutingKind.WorkMarket)]
    public void Unassign_GoesBackToPublished_AndClearsTheRouting(RoutingKind routing)
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Published);
        var actor = WorkOrderMake.Actor(WorkOrderMake.T0.AddHours(1));
        switch (routing)
        {
            case RoutingKind.Provider: workOrder.AssignToProvider(WorkOrderMake.Provider(), actor); break;
            case RoutingKind.Team: workOrder.AssignToTeam(WorkOrderMake.Team(), actor); break;
            default: workOrder.SendToWorkMarket(actor); break;
        }

        workOrder.Unassign(WorkOrderMake.Actor(WorkOrderMake.T0.AddHours(2)), "Provider declined");

        workOrder.Status.ShouldBe(WorkOrderStatus.Published);
        workOrder.Routing.ShouldBe(RoutingKind.Unassigned);
        workOrder.ProviderId.ShouldBeNull();
        workOrder.TeamId.ShouldBeNull();
        var entry = workOrder.History.Last();
        entry.Action.ShouldBe(nameof(WorkOrderAction.Unassign));
        entry.Reason.ShouldBe("Provider declined");
    }

    [Fact]
    public void Apply_WithTheAssignAction_IsRefused_BecauseAnAssignmentNamesItsTarget()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Published);

        Should.Throw<ArgumentOutOfRangeException>(() => workOrder.Apply(WorkOrderAction.Assign, WorkOrderMake.Actor(), null));

        workOrder.Status.ShouldBe(WorkOrderStatus.Published);
    }

    [Theory]
    [InlineData(ServiceProviderKind.InternalTechnician, false)]
    [InlineData(ServiceProviderKind.ExternalTechnician, true)]
    [InlineData(ServiceProviderKind.PartnerCompany, true)]
    public void Provider_IsAThirdParty_UnlessInternal(ServiceProviderKind kind, bool thirdParty) =>
        WorkOrderMake.Provider(kind: kind).IsThirdParty.ShouldBe(thirdParty);
}
