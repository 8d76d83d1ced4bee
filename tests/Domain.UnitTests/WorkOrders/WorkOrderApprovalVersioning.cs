using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.WorkOrders;

public sealed class WorkOrderApprovalVersioning
{
    private static DecisionContext Portal(DateTime at, string sha = "abc123") => new(at, sha, Guid.NewGuid(), "Customer (portal)");

    [Fact]
    public void AddingOrEditingLineItems_BumpsTheEstimateVersion()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        workOrder.EstimateVersion.ShouldBe(1);

        var item = workOrder.AddLineItem("Replace seal", 2m, 40m, 80m, WorkOrderMake.T0);
        workOrder.EstimateVersion.ShouldBe(2);
        workOrder.UpdateLineItem(item.Id, "Replace seal and gasket", 3m, 40m, 80m);
        workOrder.EstimateVersion.ShouldBe(3);
    }

    [Fact]
    public void Decision_RecordsTheEstimateVersion_AndThePdfHash_InTheItemAndTheHistory()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        var item = workOrder.AddLineItem("Replace seal", 2m, 40m, 80m, WorkOrderMake.T0);

        workOrder.DecideLineItem(item.Id, ApprovalStatus.Approved, " fine ", Portal(WorkOrderMake.T0.AddHours(1), "hash-v2"));

        item.ApprovalStatus.ShouldBe(ApprovalStatus.Approved);
        item.ApprovalNote.ShouldBe("fine");
        item.DecidedEstimateVersion.ShouldBe(2);
        item.DecidedPdfSha256.ShouldBe("hash-v2");
        var decision = workOrder.Decisions.ShouldHaveSingleItem();
        decision.EstimateVersion.ShouldBe(2);
        decision.EstimatePdfSha256.ShouldBe("hash-v2");
        decision.LineItemRevision.ShouldBe(1);
        decision.Decision.ShouldBe(ApprovalStatus.Approved);
        workOrder.CustomerActivityAt.ShouldBe(WorkOrderMake.T0.AddHours(1));
    }

    [Fact]
    public void RepeatingTheSameDecision_RecordsNothingNew()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        var item = workOrder.AddLineItem("Replace seal", 2m, 40m, 80m, WorkOrderMake.T0);

        workOrder.DecideLineItem(item.Id, ApprovalStatus.Approved, "ok", Portal(WorkOrderMake.T0.AddHours(1)));
        workOrder.DecideLineItem(item.Id, ApprovalStatus.Approved, "ok", Portal(WorkOrderMake.T0.AddHours(2)));

        workOrder.Decisions.Count.ShouldBe(1);
        item.DecidedAt.ShouldBe(WorkOrderMake.T0.AddHours(1));
    }

    [Fact]
    public void EditAfterApproval_MakesItStale_PendingAgain_WithThePreviousDecisionKept()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        var item = workOrder.AddLineItem("Replace seal", 2m, 40m, 80m, WorkOrderMake.T0);
        workOrder.DecideLineItem(item.Id, ApprovalStatus.Approved, "ok", Portal(WorkOrderMake.T0.AddHours(1)));

        workOrder.UpdateLineItem(item.Id, "Replace seal and gasket", 3m, 55m, 80m);

        item.ApprovalStatus.ShouldBe(ApprovalStatus.Pending);
        item.ApprovalStale.ShouldBeTrue();
        item.PreviousApprovalStatus.ShouldBe(ApprovalStatus.Approved);
        item.PreviousApprovalNote.ShouldBe("ok");
        item.PreviousDecidedAt.ShouldBe(WorkOrderMake.T0.AddHours(1));
        item.PreviousDecidedEstimateVersion.ShouldBe(2);
        item.DecidedEstimateVersion.ShouldBeNull();
        workOrder.Decisions.ShouldHaveSingleItem().LineItemRevision.ShouldBe(1);

        // Approving again (same status as before) is a new decision on the new version and clears the staleness.
        workOrder.DecideLineItem(item.Id, ApprovalStatus.Approved, "ok", Portal(WorkOrderMake.T0.AddHours(2), "hash-v3"));
        item.ApprovalStale.ShouldBeFalse();
        item.DecidedEstimateVersion.ShouldBe(3);
        workOrder.Decisions.Count.ShouldBe(2);
        workOrder.Decisions.Last().LineItemRevision.ShouldBe(2);
    }

    [Fact]
    public void EditOfAPendingItem_IsNotStale()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        var item = workOrder.AddLineItem("Replace seal", 2m, 40m, 80m, WorkOrderMake.T0);

        workOrder.UpdateLineItem(item.Id, "Replace seal and gasket", 3m, 55m, 80m);

        item.ApprovalStale.ShouldBeFalse();
        item.PreviousApprovalStatus.ShouldBeNull();
    }

    [Fact]
    public void Signature_IsOncePerEstimateVersion_AndAnEditAsksForANewOne()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        Should.Throw<BusinessRuleException>(() => workOrder.SignEstimate("Pat", [1, 2, 3], "h0", null, WorkOrderMake.T0)).Rule.ShouldBe(nameof(EstimateMustHaveLineItems));
        var item = workOrder.AddLineItem("Replace seal", 2m, 40m, 80m, WorkOrderMake.T0);

        var signature = workOrder.SignEstimate("Pat Primary", [1, 2, 3], "h1", null, WorkOrderMake.T0.AddHours(1));

        signature.EstimateVersion.ShouldBe(2);
        workOrder.CurrentSignature.ShouldBeSameAs(signature);
        Should.Throw<BusinessRuleException>(() => workOrder.SignEstimate("Pat", [1], "h1", null, WorkOrderMake.T0)).Rule.ShouldBe(nameof(EstimateVersionMustNotBeSigned));

        workOrder.UpdateLineItem(item.Id, "Replace seal and gasket", 3m, 55m, 80m);
        workOrder.CurrentSignature.ShouldBeNull();
        workOrder.SignEstimate("Pat Primary", [1, 2, 3], "h2", null, WorkOrderMake.T0.AddHours(2)).EstimateVersion.ShouldBe(3);
        workOrder.Signatures.Count.ShouldBe(2);
    }
}
