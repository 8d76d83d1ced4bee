using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.WorkOrders;

/// <summary>Soft delete: hidden, audit trail kept; not once invoiced or payment-approved.</summary>
public sealed class WorkOrderDelete
{
    [Fact]
    public void Once_MarksItDeleted_ByWhomAndWhen_KeepsTheHistory_AndRaisesWorkOrderDeleted()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Published);
        var history = workOrder.History.Count;
        var at = WorkOrderMake.T0.AddDays(1);

        workOrder.Delete(WorkOrderMake.Actor(at, "user-9"));

        workOrder.IsDeleted.ShouldBeTrue();
        workOrder.DeletedAt.ShouldBe(at);
        workOrder.DeletedBy.ShouldBe("user-9");
        workOrder.Status.ShouldBe(WorkOrderStatus.Published);
        workOrder.History.Count.ShouldBe(history);
        workOrder.DomainEvents.ShouldHaveSingleItem().ShouldBe(new WorkOrderDeleted(workOrder.Id));
    }

    [Fact]
    public void Twice_IsRefused_WithWorkOrderMustNotBeDeleted_AndKeepsTheFirstDeletion()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Draft);
        workOrder.Delete(WorkOrderMake.Actor(WorkOrderMake.T0.AddDays(1), "first"));

        var ex = Should.Throw<BusinessRuleException>(() => workOrder.Delete(WorkOrderMake.Actor(WorkOrderMake.T0.AddDays(2), "second")));

        ex.Rule.ShouldBe(nameof(WorkOrderMustNotBeDeleted));
        workOrder.DeletedBy.ShouldBe("first");
        workOrder.DeletedAt.ShouldBe(WorkOrderMake.T0.AddDays(1));
    }

    [Fact]
    public void ADeletedWorkOrder_TakesNoTransitionsCommentsOrLineItems()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Draft);
        workOrder.Delete(WorkOrderMake.Actor());

        Should.Throw<BusinessRuleException>(() => workOrder.Publish(WorkOrderMake.Actor())).Rule.ShouldBe(nameof(WorkOrderMustNotBeDeleted));
        Should.Throw<BusinessRuleException>(() => workOrder.Cancel(WorkOrderMake.Actor(), null)).Rule.ShouldBe(nameof(WorkOrderMustNotBeDeleted));
        Should.Throw<BusinessRuleException>(() => workOrder.AddComment(WorkOrderMake.Actor(), "hello")).Rule.ShouldBe(nameof(WorkOrderMustNotBeDeleted));
        Should.Throw<BusinessRuleException>(() => workOrder.AddLineItem("Seal", 1, 2, 3, WorkOrderMake.T0)).Rule.ShouldBe(nameof(WorkOrderMustNotBeDeleted));
        workOrder.Status.ShouldBe(WorkOrderStatus.Draft);
    }

    [Fact]
    public void OfInvoicedWork_IsRefused_WithWorkOrderMustNotBeBilled()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Completed);
        workOrder.SetInvoiceStatus(InvoiceStatus.Yes);

        var ex = Should.Throw<BusinessRuleException>(() => workOrder.Delete(WorkOrderMake.Actor()));

        ex.Rule.ShouldBe(nameof(WorkOrderMustNotBeBilled));
        workOrder.IsDeleted.ShouldBeFalse();
    }

    [Fact]
    public void OfPaymentApprovedWork_IsRefused_WithWorkOrderMustNotBeBilled()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Completed);
        workOrder.ApprovePayment(assignedToThirdParty: true, WorkOrderMake.Actor(WorkOrderMake.T0.AddDays(1), "pm-1"));
        workOrder.PaymentApprovedBy.ShouldBe("pm-1");

        var ex = Should.Throw<BusinessRuleException>(() => workOrder.Delete(WorkOrderMake.Actor()));

        ex.Rule.ShouldBe(nameof(WorkOrderMustNotBeBilled));
        workOrder.IsDeleted.ShouldBeFalse();
    }

    [Fact]
    public void OfWorkMarkedInvoiceNotRequired_IsAllowed()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Completed);
        workOrder.SetInvoiceStatus(InvoiceStatus.NotRequired);

        workOrder.Delete(WorkOrderMake.Actor());

        workOrder.IsDeleted.ShouldBeTrue();
    }
}
