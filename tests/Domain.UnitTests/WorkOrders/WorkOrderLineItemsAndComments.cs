using WorkOrders.Domain.Common;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.WorkOrders;

public sealed class WorkOrderLineItems
{
    [Fact]
    public void Add_IsPending_RevisionOne_WithItsTotal()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);

        var item = workOrder.AddLineItem("  Replace seal  ", 2.5m, 40m, 80m, WorkOrderMake.T0);

        item.WorkOrderId.ShouldBe(workOrder.Id);
        item.Description.ShouldBe("Replace seal");
        item.ApprovalStatus.ShouldBe(ApprovalStatus.Pending);
        item.DecidedAt.ShouldBeNull();
        item.Revision.ShouldBe(1);
        item.Total.ShouldBe((2.5m * 80m) + 40m);
        item.CreatedAt.ShouldBe(WorkOrderMake.T0);
        workOrder.LineItems.ShouldHaveSingleItem().ShouldBeSameAs(item);
    }

    [Fact]
    public void Edit_OfAnApprovedItem_ResetsTheApprovalToPending_AndBumpsTheRevision()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        var item = workOrder.AddLineItem("Replace seal", 2m, 40m, 80m, WorkOrderMake.T0);
        workOrder.DecideLineItem(item.Id, ApprovalStatus.Approved, "ok", WorkOrderMake.T0.AddHours(1));
        item.ApprovalStatus.ShouldBe(ApprovalStatus.Approved);
        item.DecidedAt.ShouldBe(WorkOrderMake.T0.AddHours(1));
        workOrder.ApprovedEstimatedHours.ShouldBe(2m);

        var edited = workOrder.UpdateLineItem(item.Id, "Replace seal and gasket", 3m, 55m, 80m);

        edited.ShouldBeSameAs(item);
        item.Description.ShouldBe("Replace seal and gasket");
        item.EstimatedLabourHours.ShouldBe(3m);
        item.PartsCost.ShouldBe(55m);
        item.ApprovalStatus.ShouldBe(ApprovalStatus.Pending);
        item.DecidedAt.ShouldBeNull();
        item.Revision.ShouldBe(2);
        workOrder.ApprovedEstimatedHours.ShouldBe(0m);
    }

    [Fact]
    public void Edit_OfARejectedItem_AlsoAsksAgain_AndEveryEditBumpsTheRevision()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.InProgress);
        var item = workOrder.AddLineItem("Paint", 1m, 0m, 50m, WorkOrderMake.T0);
        workOrder.DecideLineItem(item.Id, ApprovalStatus.Rejected, "too dear", WorkOrderMake.T0.AddHours(1));

        workOrder.UpdateLineItem(item.Id, "Paint (cheaper)", 1m, 0m, 40m);
        workOrder.UpdateLineItem(item.Id, "Paint (cheapest)", 1m, 0m, 30m);

        item.ApprovalStatus.ShouldBe(ApprovalStatus.Pending);
        item.Revision.ShouldBe(3);
    }

    [Fact]
    public void Edit_OfAnUnknownItem_IsRefused_WithLineItemMustExist()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);

        var ex = Should.Throw<BusinessRuleException>(() => workOrder.UpdateLineItem(Guid.NewGuid(), "x", 1, 1, 1));

        ex.Rule.ShouldBe(nameof(LineItemMustExist));
    }

    [Fact]
    public void NegativeAmounts_AreRefused()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);

        Should.Throw<ArgumentException>(() => workOrder.AddLineItem("x", -1m, 0m, 0m, WorkOrderMake.T0));
        Should.Throw<ArgumentException>(() => workOrder.AddLineItem("x", 0m, -1m, 0m, WorkOrderMake.T0));
        Should.Throw<ArgumentException>(() => workOrder.AddLineItem("x", 0m, 0m, -1m, WorkOrderMake.T0));
        workOrder.LineItems.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(WorkOrderStatus.Completed)]
    [InlineData(WorkOrderStatus.Cancelled)]
    public void OnAClosedWorkOrder_AddAndEdit_AreRefused_WithWorkOrderMustBeOpen(WorkOrderStatus status)
    {
        var workOrder = WorkOrderMake.InStatus(status);

        Should.Throw<BusinessRuleException>(() => workOrder.AddLineItem("x", 1, 1, 1, WorkOrderMake.T0)).Rule.ShouldBe(nameof(WorkOrderMustBeOpen));
    }
}

public sealed class WorkOrderComments
{
    [Fact]
    public void Add_RecordsTheAuthorAndTime()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        var at = WorkOrderMake.T0.AddHours(4);

        var comment = workOrder.AddComment(WorkOrderMake.Actor(at, "user-3", "Tess Tech"), "  On my way  ");

        comment.WorkOrderId.ShouldBe(workOrder.Id);
        comment.AuthorId.ShouldBe("user-3");
        comment.AuthorName.ShouldBe("Tess Tech");
        comment.Text.ShouldBe("On my way");
        comment.CreatedAt.ShouldBe(at);
        comment.ByCustomer.ShouldBeFalse();
        comment.DeletedAt.ShouldBeNull();
    }

    [Fact]
    public void Add_OnAClosedWorkOrder_IsAllowed()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Completed);

        workOrder.AddComment(WorkOrderMake.Actor(), "Follow-up note");

        workOrder.Comments.ShouldHaveSingleItem();
    }

    [Fact]
    public void Delete_HidesItByWhomAndWhen_KeepsItInTheCollection_AndASecondDeleteIsRefused()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);
        var comment = workOrder.AddComment(WorkOrderMake.Actor(), "Rude remark");
        var at = WorkOrderMake.T0.AddHours(1);

        workOrder.DeleteComment(comment.Id, WorkOrderMake.Actor(at, "manager-1"));

        comment.DeletedAt.ShouldBe(at);
        comment.DeletedBy.ShouldBe("manager-1");
        workOrder.Comments.ShouldContain(comment);
        Should.Throw<BusinessRuleException>(() => workOrder.DeleteComment(comment.Id, WorkOrderMake.Actor()))
            .Rule.ShouldBe(nameof(CommentMustExist));
        comment.DeletedBy.ShouldBe("manager-1");
    }

    [Fact]
    public void Delete_OfAnUnknownComment_IsRefused_WithCommentMustExist()
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);

        Should.Throw<BusinessRuleException>(() => workOrder.DeleteComment(Guid.NewGuid(), WorkOrderMake.Actor())).Rule.ShouldBe(nameof(CommentMustExist));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Add_WithoutText_IsRefused(string text)
    {
        var workOrder = WorkOrderMake.InStatus(WorkOrderStatus.Assigned);

        Should.Throw<ArgumentException>(() => workOrder.AddComment(WorkOrderMake.Actor(), text));
        workOrder.Comments.ShouldBeEmpty();
    }
}

public sealed class WorkOrderNumberFormat
{
    [Theory]
    [InlineData(1, "WO-000001")]
    [InlineData(123, "WO-000123")]
    [InlineData(999999, "WO-999999")]
    [InlineData(1234567, "WO-1234567")]
    public void Format_HasAtLeastSixDigits(long number, string expected) => WorkOrderNumber.Format(number).ShouldBe(expected);

    [Theory]
    [InlineData("WO-000123", 123)]
    [InlineData("wo-000123", 123)]
    [InlineData("123", 123)]
    [InlineData(" 000123 ", 123)]
    public void TryParse_ReadsTheNumberWithOrWithoutPrefix(string text, long expected)
    {
        WorkOrderNumber.TryParse(text, out var number).ShouldBeTrue();
        number.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("WO-")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("12a")]
    [InlineData("leaking")]
    public void TryParse_RefusesWhatIsNotANumber(string? text) => WorkOrderNumber.TryParse(text, out _).ShouldBeFalse();
}
