using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WorkOrders.Api.IntegrationTests.WorkOrderTests;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Application.Notifications;
using WorkOrders.Infrastructure.Jobs;
using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Api.IntegrationTests.Jobs;

/// <summary>Notifications end to end through the real HTTP pipeline: the change writes its outbox rows in its own
/// transaction, the outbox processor delivers them to a real SMTP server, failures back off and dead-letter,
/// retries keep the Message-ID, and two processors never deliver one message twice.</summary>
public abstract class NotificationDeliveryTests(JobsApiFactory factory)
{
    private SmtpTestServer Smtp => factory.Smtp;

    [Fact]
    public async Task OpenedWorkOrder_WritesItsOutboxRowWithTheChange_AndIsDeliveredToContactAndRequester_WithAPdf()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await CustomerAsync(client);
        var meter = await (await client.PostJsonAsync($"/api/v1/customers/{customer.Id}/assets", new { siteId = site.Id, name = "Water meter", model = "WM-9", serialNumber = "SN-77" }))
            .ShouldBeAsync<Asset>(HttpStatusCode.Created);
        var body = new
        {
            customerId = customer.Id, siteId = site.Id, title = "Leaking meter", serviceRequested = "Replace the meter seal", category = "Service",
            source = "Phone", requester = new { name = "Rita Requester", email = "rita@requester.example" }, equipmentIds = new[] { meter.Id },
        };
        var created = await (await client.PostJsonAsync("/api/v1/work-orders", body)).ShouldBeAsync<WoDetail>(HttpStatusCode.Created);

        // Committed with the work order, not yet delivered.
        var row = (await factory.OutboxAsync(m => m.Key == $"email:opened:{created.Id}")).ShouldHaveSingleItem();
        row.Type.ShouldBe(NotificationMessages.EmailType);
        row.ProcessedAt.ShouldBeNull();
        Smtp.Received.ShouldBeEmpty();

        await factory.ProcessAllDueAsync();

        var mail = Smtp.Received.ShouldHaveSingleItem();
        mail.To.ShouldBe([customer.Contact.Email, "rita@requester.example"], ignoreOrder: true);
        mail.Subject.ShouldContain(created.DisplayNumber);
        var text = mail.Text;
        text.ShouldContain(customer.Contact.Name);
        text.ShouldContain(customer.Contact.Email);
        text.ShouldContain("Replace the meter seal");
        mail.Html.ShouldContain("Replace the meter seal");
        mail.MessageId.ShouldBe($"{row.Id:N}@workorders.local");
        var pdf = mail.Attachments.ShouldHaveSingleItem();
        pdf.ContentType.MimeType.ShouldBe("application/pdf");
        Encoding.ASCII.GetString(ReceivedMail.AttachmentBytes(pdf)[..4]).ShouldBe("%PDF");
        var pdfText = await PdfText.ExtractAsync(ReceivedMail.AttachmentBytes(pdf));
        pdfText.ShouldContain(created.DisplayNumber);
        pdfText.ShouldContain(customer.Contact.Name);
        pdfText.ShouldContain("Replace the meter seal");
        pdfText.ShouldContain("Water meter");
        pdfText.ShouldContain("SN-77");

        (await factory.OutboxAsync(m => m.Id == row.Id)).Single().ProcessedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task OfficeDraft_NotifiesWhenPublished_NotWhenCreated()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await CustomerAsync(client);
        var draft = await Wo.CreateAsync(client, customer.Id, site.Id);
        (await factory.OutboxAsync(m => m.Key == $"email:opened:{draft.Id}")).ShouldBeEmpty();

        await Wo.TransitionAsync(client, draft.Id, "Publish");
        (await factory.OutboxAsync(m => m.Key == $"email:opened:{draft.Id}")).ShouldHaveSingleItem();
        await factory.ProcessAllDueAsync();
        Smtp.Received.ShouldHaveSingleItem().To.ShouldBe([customer.Contact.Email]);
    }

    [Fact]
    public async Task ACommandThatFails_LeavesNoOutboxRow()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var admin = await factory.SessionAsync("Admin");
        var provider = await Wo.ProviderAsync(admin);
        var (customer, site) = await CustomerAsync(client);
        var work = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "InProgress", provider.Id);
        var before = await factory.OutboxAsync(m => m.Key.Contains(work.Id.ToString(), StringComparison.Ordinal));

        // The notification handlers run (and write their rows), then a later handler fails: all of it rolls back.
        var failed = await Wo.PostTransitionAsync(client, work.Id, new { action = "WaitForCustomer", reason = JobsApiFactory.FailingReason });
        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);

        var after = await factory.OutboxAsync(m => m.Key.Contains(work.Id.ToString(), StringComparison.Ordinal));
        after.Select(m => m.Id).ShouldBe(before.Select(m => m.Id), ignoreOrder: true);
        (await Wo.GetAsync(client, work.Id)).Status.ShouldBe("InProgress");
    }

    [Fact]
    public async Task SmtpFailure_RetriesWithBackoff_AndDeadLettersAfterMaxAttempts()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await CustomerAsync(client);
        var created = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Email");
        var id = (await factory.OutboxAsync(m => m.Key == $"email:opened:{created.Id}")).Single().Id;

        Smtp.Reject = true;
        try
        {
            var start = DateTime.UtcNow;
            (await factory.ProcessAllDueAsync()).ShouldBe(1);
            var first = await RowAsync(id);
            first.Attempts.ShouldBe(1);
            first.ProcessedAt.ShouldBeNull();
            first.DeadLetteredAt.ShouldBeNull();
            first.LastError!.ShouldContain("SmtpException");
            first.LastError!.Length.ShouldBeLessThanOrEqualTo(OutboxProcessor.MaxErrorLength);

            // Backoff: base 1 minute with jitter in [½, 1] — not due again yet.
            first.AvailableAt.ShouldBeGreaterThanOrEqualTo(start.AddSeconds(29));
            first.AvailableAt.ShouldBeLessThanOrEqualTo(DateTime.UtcNow.AddSeconds(61));
            (await factory.ProcessAllDueAsync()).ShouldBe(0);

            await factory.MakeDueAsync();
            await factory.ProcessAllDueAsync();
            var second = await RowAsync(id);
            second.Attempts.ShouldBe(2);
            second.AvailableAt.ShouldBeGreaterThanOrEqualTo(DateTime.UtcNow.AddSeconds(55)); // second wait: 2 minutes × [½, 1]

            await factory.MakeDueAsync();
            await factory.ProcessAllDueAsync();
            var last = await RowAsync(id);
            last.Attempts.ShouldBe(JobsApiFactory.MaxAttempts);
            last.DeadLetteredAt.ShouldNotBeNull();
            last.ProcessedAt.ShouldBeNull();
        }
        finally
        {
            Smtp.Reject = false;
        }

        // Dead letters are never claimed again.
        await factory.MakeDueAsync();
        (await factory.ProcessAllDueAsync()).ShouldBe(0);
        Smtp.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task AMessageDeliveredTwice_AfterACrashBeforeItWasMarked_CarriesTheSameMessageId()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await CustomerAsync(client);
        var created = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Email");
        await factory.ProcessAllDueAsync();
        var id = (await factory.OutboxAsync(m => m.Key == $"email:opened:{created.Id}")).Single().Id;

        // As if the process died after the SMTP server accepted it and before ProcessedAt was written: the
        // lease runs out and the message is claimed again.
        await factory.WithDbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null).SetProperty(m => m.AvailableAt, DateTime.UtcNow.AddSeconds(-1))));
        await factory.ProcessAllDueAsync();

        Smtp.Received.Count.ShouldBe(2);
        Smtp.Received.Select(m => m.MessageId).Distinct().ShouldHaveSingleItem().ShouldBe($"{id:N}@workorders.local");
    }

    [Fact]
    public async Task TwoProcessorsAtOnce_DeliverEveryMessageExactlyOnce()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await CustomerAsync(client);
        var drafts = new List<Guid>();
        for (var i = 0; i < 24; i++)
        {
            drafts.Add((await Wo.CreateAsync(client, customer.Id, site.Id)).Id);
        }

        (await (await client.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "Publish", ids = drafts })).ShouldBeAsync<BulkAnswer>(HttpStatusCode.OK))
            .Succeeded.ShouldBe(24);

        // Two independent processors (as on two nodes), each with its own scopes and connections, batches of 5.
        var processors = new[] { factory.Services.GetRequiredService<IOutboxProcessor>(), NewProcessor() };
        var claimed = await Task.WhenAll(processors.Select(p => Task.Run(async () =>
        {
            var total = 0;
            int n;
            while ((n = await p.ProcessDueAsync(CancellationToken.None)) > 0)
            {
                total += n;
            }

            return total;
        })));

        claimed.Sum().ShouldBe(24);
        Smtp.Received.Count.ShouldBe(24);
        Smtp.Received.Select(m => m.MessageId).Distinct().Count().ShouldBe(24);
        var keys = drafts.Select(id => $"email:opened:{id}").ToHashSet();
        var rows = await factory.OutboxAsync(m => keys.Contains(m.Key));
        rows.Count.ShouldBe(24);
        rows.ShouldAllBe(m => m.ProcessedAt != null && m.Attempts == 1);
    }

    [Fact]
    public async Task AProcessorPastHalfItsLease_HandsTheRestOfItsBatchBack_Unattempted()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await CustomerAsync(client);
        var created = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone");
        var id = (await factory.OutboxAsync(m => m.Key == $"email:opened:{created.Id}")).Single().Id;

        // A clock that jumps an hour ahead after the claim: the batch is past its lease before the first delivery.
        var slow = ActivatorUtilities.CreateInstance<OutboxProcessor>(factory.Services, new JumpingClock(afterCalls: 2));
        (await slow.ProcessDueAsync(CancellationToken.None)).ShouldBe(1);

        var row = await RowAsync(id);
        row.Attempts.ShouldBe(0);
        row.ProcessedAt.ShouldBeNull();
        Smtp.Received.ShouldBeEmpty();

        await factory.MakeDueAsync();
        await factory.ProcessAllDueAsync();
        (await RowAsync(id)).ProcessedAt.ShouldNotBeNull();
        Smtp.Received.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task BulkPublishOfManyItems_EnqueuesTheirNotificationsInOneSetBasedWrite()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await CustomerAsync(client);
        var drafts = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            drafts.Add((await Wo.CreateAsync(client, customer.Id, site.Id)).Id);
        }

        await client.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "Publish", ids = drafts });

        var keys = drafts.Select(id => $"email:opened:{id}").ToHashSet();
        var rows = await factory.OutboxAsync(m => keys.Contains(m.Key));
        rows.Count.ShouldBe(60);
        rows.Select(m => m.Key).ShouldBe(drafts.Select(id => $"email:opened:{id}"), ignoreOrder: true);
        rows.Select(m => m.CreatedAt).Distinct().ShouldHaveSingleItem(); // one batch, one timestamp
    }

    [Fact]
    public async Task AssignedToAProvider_TheProviderGetsTheDetails()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var admin = await factory.SessionAsync("Admin");
        var provider = await Wo.ProviderAsync(admin, "ExternalTechnician", name: "Field Co");
        var (customer, site) = await CustomerAsync(client);
        var work = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone", serviceRequested: "Check the pump");
        await Wo.TransitionAsync(client, work.Id, "Assign", providerId: provider.Id);

        await factory.ProcessAllDueAsync();

        var mail = Smtp.Received.Single(m => m.To.Contains(provider.Email));
        mail.To.ShouldBe([provider.Email]);
        mail.Subject.ShouldContain("assigned to Field Co");
        mail.Text.ShouldContain("Check the pump");
        mail.Text.ShouldContain(customer.Name);
    }

    [Fact]
    public async Task WaitingStatuses_TellTheCustomer_AndCompletion_SendsTheNotesInAPdf()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var admin = await factory.SessionAsync("Admin");
        var provider = await Wo.ProviderAsync(admin);
        var (customer, site) = await CustomerAsync(client);
        var work = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "InProgress", provider.Id);
        await Wo.TransitionAsync(client, work.Id, "WaitForParts", "Seal on back-order");
        await Wo.TransitionAsync(client, work.Id, "Resume");
        await Wo.TransitionAsync(client, work.Id, "WaitForVendor");
        await Wo.TransitionAsync(client, work.Id, "Complete", "Seal replaced, pressure tested.");
        await factory.ProcessAllDueAsync();

        var toCustomer = Smtp.Received.Where(m => m.To.Contains(customer.Contact.Email)).ToList();
        toCustomer.ShouldContain(m => m.Subject.Contains("waiting for parts", StringComparison.Ordinal));
        toCustomer.ShouldContain(m => m.Subject.Contains("waiting on a vendor", StringComparison.Ordinal));
        var completed = toCustomer.Single(m => m.Subject.Contains("completed", StringComparison.Ordinal));
        completed.Subject.ShouldContain(work.DisplayNumber);
        completed.Text.ShouldContain("Seal replaced, pressure tested.");
        var pdf = completed.Attachments.ShouldHaveSingleItem();
        Encoding.ASCII.GetString(ReceivedMail.AttachmentBytes(pdf)[..4]).ShouldBe("%PDF");
        var pdfText = await PdfText.ExtractAsync(ReceivedMail.AttachmentBytes(pdf));
        pdfText.ShouldContain(work.DisplayNumber);
        pdfText.ShouldContain(customer.Contact.Name);
        pdfText.ShouldContain(work.ServiceRequested);
        pdfText.ShouldContain("Seal replaced, pressure tested.");
    }

    [Fact]
    public async Task WaitingOnCustomer_SchedulesAPersistedReminderTrigger_RemovedWhenTheWorkOrderLeavesIt()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var admin = await factory.SessionAsync("Admin");
        var provider = await Wo.ProviderAsync(admin);
        var (customer, site) = await CustomerAsync(client);
        var work = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "InProgress", provider.Id);
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var waitingAt = DateTime.UtcNow;
        await Wo.TransitionAsync(client, work.Id, "WaitForCustomer", "Need access to the basement");
        (await factory.OutboxAsync(m => m.Key == $"reminder:{work.Id}")).ShouldHaveSingleItem();
        (await scheduler.GetTrigger(JobKeys.Reminder(work.Id))).ShouldBeNull(); // only once the outbox row is delivered

        await factory.ProcessAllDueAsync();
        var trigger = (await scheduler.GetTrigger(JobKeys.Reminder(work.Id))).ShouldNotBeNull();
        trigger.JobKey.ShouldBe(JobKeys.WaitingOnCustomerReminder);
        trigger.StartTimeUtc.UtcDateTime.ShouldBe(waitingAt.AddDays(3), TimeSpan.FromMinutes(1));
        Smtp.Received.ShouldContain(m => m.Subject.Contains("waiting on your response", StringComparison.Ordinal));

        await Wo.TransitionAsync(client, work.Id, "Resume", "Customer let us in");
        await factory.ProcessAllDueAsync();
        (await scheduler.GetTrigger(JobKeys.Reminder(work.Id))).ShouldBeNull();
    }

    [Fact]
    public async Task BulkCancelAndDelete_OfWorkWaitingOnTheCustomer_RemoveItsReminders()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var admin = await factory.SessionAsync("Admin");
        var provider = await Wo.ProviderAsync(admin);
        var (customer, site) = await CustomerAsync(client);
        var cancelled = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "WaitingOnCustomer", provider.Id);
        var deleted = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "WaitingOnCustomer", provider.Id);
        var kept = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "WaitingOnCustomer", provider.Id);
        await factory.ProcessAllDueAsync();
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        foreach (var id in new[] { cancelled.Id, deleted.Id, kept.Id })
        {
            (await scheduler.GetTrigger(JobKeys.Reminder(id))).ShouldNotBeNull();
        }

        (await client.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "Cancel", ids = new[] { cancelled.Id }, reason = "Customer withdrew" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostJsonAsync("/api/v1/work-orders/bulk", new { action = "Delete", ids = new[] { deleted.Id } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.ProcessAllDueAsync();

        (await scheduler.GetTrigger(JobKeys.Reminder(cancelled.Id))).ShouldBeNull();
        (await scheduler.GetTrigger(JobKeys.Reminder(deleted.Id))).ShouldBeNull();
        (await scheduler.GetTrigger(JobKeys.Reminder(kept.Id))).ShouldNotBeNull();
    }

    [Fact]
    public async Task TheReminderJob_RechecksTheWorkOrder_AndEnqueuesOneReminderPerWait()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var admin = await factory.SessionAsync("Admin");
        var provider = await Wo.ProviderAsync(admin);
        var (customer, site) = await CustomerAsync(client);
        var waiting = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "WaitingOnCustomer", provider.Id);
        var resumed = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "WaitingOnCustomer", provider.Id);
        await Wo.TransitionAsync(client, resumed.Id, "Resume");

        (await RunReminderAsync(waiting.Id)).ShouldBeTrue();
        (await RunReminderAsync(waiting.Id)).ShouldBeFalse(); // the same wait is reminded once
        (await RunReminderAsync(resumed.Id)).ShouldBeFalse(); // no longer waiting on the customer

        await factory.ProcessAllDueAsync();
        var reminders = Smtp.Received.Where(m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal)).ToList();
        reminders.ShouldHaveSingleItem().Subject.ShouldContain(waiting.DisplayNumber);
        reminders[0].To.ShouldBe([customer.Contact.Email]);
    }

    [Fact]
    public async Task WorkOpenForOverAWeek_GetsExactlyOneFollowUp()
    {
        await ResetAsync();
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await CustomerAsync(client);
        var old = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone");
        var oldDone = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone");
        await Wo.TransitionAsync(client, oldDone.Id, "Cancel", "Duplicate");
        var recent = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone");
        var eightDaysAgo = DateTime.UtcNow.AddDays(-8);
        await factory.WithDbAsync(db => db.WorkOrders.Where(w => w.Id == old.Id || w.Id == oldDone.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.CreatedAt, eightDaysAgo)));

        var first = await RunFollowUpAsync();
        var second = await RunFollowUpAsync();

        first.ShouldBeGreaterThanOrEqualTo(1);
        second.ShouldBe(0);
        var followUps = await factory.OutboxAsync(m => m.Key.StartsWith("followup:", StringComparison.Ordinal));
        followUps.Count(m => m.Key == NotificationMessages.FollowUpKey(old.Id)).ShouldBe(1);
        followUps.ShouldNotContain(m => m.Key == NotificationMessages.FollowUpKey(oldDone.Id) || m.Key == NotificationMessages.FollowUpKey(recent.Id));

        await factory.ProcessAllDueAsync();
        var mail = Smtp.Received.Single(m => m.Subject.StartsWith("Follow-up", StringComparison.Ordinal) && m.Subject.Contains(old.DisplayNumber, StringComparison.Ordinal));
        mail.To.ShouldBe([customer.Contact.Email]);
    }

    [Fact]
    public async Task AnUnknownMessageType_IsDeadLetteredAtOnce()
    {
        await ResetAsync();
        await factory.WithDbAsync(async db =>
        {
            var outbox = new WorkOrders.Infrastructure.Persistence.Outbox.Outbox(db, new WorkOrders.Infrastructure.Persistence.Bulk.BulkInserter(db), TimeProvider.System);
            await outbox.EnqueueAsync([new OutboxEnvelope("NoSuchType", "nosuch:1", new { })], CancellationToken.None);
            return 0;
        });

        await factory.ProcessAllDueAsync();

        var row = (await factory.OutboxAsync(m => m.Type == "NoSuchType")).Single();
        row.DeadLetteredAt.ShouldNotBeNull();
        row.Attempts.ShouldBe(1);
        row.LastError!.ShouldContain("No handler");
    }

    private async Task ResetAsync()
    {
        // Deliver whatever earlier tests of this fixture left, then start from an empty mailbox.
        Smtp.Reject = false;
        await factory.MakeDueAsync();
        await factory.ProcessAllDueAsync();
        Smtp.Clear();
    }

    private static async Task<(Customer Customer, Site Site)> CustomerAsync(HttpClient client)
    {
        var email = Unique.Email("contact");
        var customer = await (await client.PostJsonAsync("/api/v1/customers", Make.Customer(email: email))).ShouldBeAsync<Customer>(HttpStatusCode.Created);
        var site = await Make.SiteAsync(client, customer.Id);
        return (customer, site);
    }

    private Task<OutboxMessage> RowAsync(Guid id) => factory.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id));

    private OutboxProcessor NewProcessor() => ActivatorUtilities.CreateInstance<OutboxProcessor>(factory.Services);

    private async Task<bool> RunReminderAsync(Guid workOrderId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<WaitingOnCustomerReminderJob>(scope.ServiceProvider);
        return await job.SendIfStillWaitingAsync(workOrderId, DateTime.UtcNow, CancellationToken.None);
    }

    private async Task<int> RunFollowUpAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpenWorkFollowUp>().EnqueueDueAsync(CancellationToken.None);
    }

    private sealed record BulkAnswer(int Succeeded);

    private sealed class JumpingClock(int afterCalls) : TimeProvider
    {
        private int _calls;

        public override DateTimeOffset GetUtcNow() =>
            Interlocked.Increment(ref _calls) > afterCalls ? DateTimeOffset.UtcNow.AddHours(1) : DateTimeOffset.UtcNow;
    }
}

public sealed class NotificationDeliveryTestsOnSqlite(SqliteJobsApiFactory factory) : NotificationDeliveryTests(factory), IClassFixture<SqliteJobsApiFactory>;

public sealed class NotificationDeliveryTestsOnPostgres(PostgresJobsApiFactory factory) : NotificationDeliveryTests(factory), IClassFixture<PostgresJobsApiFactory>;
