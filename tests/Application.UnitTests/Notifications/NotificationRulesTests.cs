using System.Text.Json;
using WorkOrders.Application.Notifications;
using WorkOrders.Application.Notifications.EventHandlers;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.UnitTests.Notifications;

/// <summary>Which status changes notify whom: the outbox rows a transition writes.</summary>
public sealed class NotificationRulesTests
{
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static List<string> Keys(WorkOrderStatus from, WorkOrderStatus to) =>
        NotifyWhenWorkOrderStatusChanged.For(new WorkOrderStatusChanged(Id, from, to, null), Now).ConvertAll(m => m.Key);

    [Fact]
    public void PublishingADraft_OpensIt() =>
        Keys(WorkOrderStatus.Draft, WorkOrderStatus.Published).ShouldBe([$"email:opened:{Id}"]);

    [Fact]
    public void WaitingOnTheCustomer_TellsThem_AndSchedulesTheReminder()
    {
        var messages = NotifyWhenWorkOrderStatusChanged.For(new WorkOrderStatusChanged(Id, WorkOrderStatus.InProgress, WorkOrderStatus.WaitingOnCustomer, null), Now);

        messages.Select(m => m.Key).ShouldBe([$"email:waitingoncustomer:{Id}", $"reminder:{Id}"]);
        var schedule = (ReminderSchedulePayload)messages[1].Payload;
        schedule.Cancel.ShouldBeFalse();
        schedule.WaitingSince.ShouldBe(Now);
    }

    [Theory]
    [InlineData(WorkOrderStatus.WaitingParts)]
    [InlineData(WorkOrderStatus.WaitingOnVendor)]
    public void OtherWaits_TellTheCustomer_WithoutAReminder(WorkOrderStatus waiting) =>
        Keys(WorkOrderStatus.InProgress, waiting).ShouldBe([$"email:{waiting.ToString().ToLowerInvariant()}:{Id}"]);

    [Theory]
    [InlineData(WorkOrderStatus.InProgress)]
    [InlineData(WorkOrderStatus.Cancelled)]
    public void LeavingWaitingOnCustomer_CancelsTheReminder(WorkOrderStatus to)
    {
        var messages = NotifyWhenWorkOrderStatusChanged.For(new WorkOrderStatusChanged(Id, WorkOrderStatus.WaitingOnCustomer, to, null), Now);

        var cancel = messages.ShouldHaveSingleItem();
        cancel.Key.ShouldBe($"reminder:{Id}");
        ((ReminderSchedulePayload)cancel.Payload).Cancel.ShouldBeTrue();
    }

    [Fact]
    public void CompletingWhileWaitingOnTheCustomer_CancelsTheReminder_AndSendsTheCompletion() =>
        Keys(WorkOrderStatus.WaitingOnCustomer, WorkOrderStatus.Completed).ShouldBe([$"reminder:{Id}", $"email:completed:{Id}"]);

    [Theory]
    [InlineData(WorkOrderStatus.Published, WorkOrderStatus.Assigned)]
    [InlineData(WorkOrderStatus.Assigned, WorkOrderStatus.InProgress)]
    [InlineData(WorkOrderStatus.Assigned, WorkOrderStatus.Published)]
    [InlineData(WorkOrderStatus.InProgress, WorkOrderStatus.Cancelled)]
    public void OtherChanges_NotifyNobody(WorkOrderStatus from, WorkOrderStatus to) =>
        Keys(from, to).ShouldBeEmpty();

    [Fact]
    public void ThePayload_NamesItsTemplate_AsText()
    {
        var json = JsonSerializer.Serialize(NotificationMessages.Completed(Id).Payload, NotificationMessages.Completed(Id).Payload.GetType());

        json.ShouldContain("\"Template\":\"Completed\"");
        JsonSerializer.Deserialize<EmailNotificationPayload>(json)!.Template.ShouldBe(EmailTemplate.Completed);
    }
}
