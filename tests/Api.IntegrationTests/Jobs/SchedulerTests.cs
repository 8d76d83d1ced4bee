using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WorkOrders.Api.IntegrationTests.WorkOrderTests;
using WorkOrders.Infrastructure.Jobs;

namespace WorkOrders.Api.IntegrationTests.Jobs;

/// <summary>The application with the real Quartz scheduler running (persistent store of the provider, PostgreSQL
/// clustered), polling the outbox every second, and a reminder delay of two seconds.</summary>
public abstract class SchedulerApiFactory(TestProvider provider) : ApiFactory(provider)
{
    public static readonly JobKey ProbeJobKey = new("probe", "tests");

    public SmtpTestServer Smtp { get; } = new();

    public ProbeSignal Probe { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Jobs:Enabled", "true");
        builder.UseSetting("Jobs:OutboxPollInterval", "00:00:01");
        builder.UseSetting("Jobs:ReminderAfter", "00:00:02");
        builder.UseSetting("Email:Host", "127.0.0.1");
        builder.UseSetting("Email:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        // A recurring job declared by another module, the way AddWorkMarket-style extensions declare theirs.
        services.AddSingleton(Probe);
        services.ConfigureAllQuartzSchedulers(q => q
            .AddJob<ProbeJob>(j => j.WithIdentity(ProbeJobKey).StoreDurably())
            .AddTrigger(t => t.WithIdentity("probe", "tests").ForJob(ProbeJobKey).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(1)).RepeatForever())));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public sealed class ProbeSignal
    {
        private int _fired;

        public int Fired => Volatile.Read(ref _fired);

        public void Fire() => Interlocked.Increment(ref _fired);
    }

    [DisallowConcurrentExecution]
    public sealed class ProbeJob(ProbeSignal signal) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            signal.Fire();
            return ValueTask.CompletedTask;
        }
    }
}

public sealed class SqliteSchedulerApiFactory() : SchedulerApiFactory(TestProvider.Sqlite);

public sealed class PostgresSchedulerApiFactory() : SchedulerApiFactory(TestProvider.Postgres);

/// <summary>Nobody calls the processor here: the scheduler fires the jobs.</summary>
public abstract class SchedulerTests(SchedulerApiFactory factory)
{
    [Fact]
    public async Task TheScheduler_RunsTheOutboxJob_AndTheMailArrives()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var created = await Wo.CreateAsync(client, customer.Id, site.Id, source: "Phone");

        var mails = await factory.Smtp.WaitForAsync(m => m.Subject.Contains(created.DisplayNumber, StringComparison.Ordinal));
        mails.ShouldHaveSingleItem().Attachments.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task TheReminderTrigger_FiresAfterTheDelay_AndTheReminderIsSent()
    {
        var client = await factory.SessionAsync("Dispatcher");
        var admin = await factory.SessionAsync("Admin");
        var provider = await Wo.ProviderAsync(admin);
        var (customer, site) = await Wo.CustomerWithSiteAsync(client);
        var work = await Wo.MoveToAsync(client, await Wo.CreateAsync(client, customer.Id, site.Id), "WaitingOnCustomer", provider.Id);

        var reminders = await factory.Smtp.WaitForAsync(m => m.Subject.StartsWith("Reminder:", StringComparison.Ordinal)
            && m.Subject.Contains(work.DisplayNumber, StringComparison.Ordinal), timeout: TimeSpan.FromSeconds(45));
        reminders.ShouldHaveSingleItem();

        // A one-off trigger: gone once fired.
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        (await scheduler.GetTrigger(JobKeys.Reminder(work.Id))).ShouldBeNull();
    }

    [Fact]
    public async Task JobsDeclaredByOtherModules_AreScheduledToo()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (factory.Probe.Fired == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        factory.Probe.Fired.ShouldBeGreaterThan(0);
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        (await scheduler.GetTrigger(JobKeys.OutboxProcessorTrigger)).ShouldNotBeNull();
        (await scheduler.GetTrigger(JobKeys.OpenWorkFollowUpTrigger)).ShouldNotBeNull();
        (await scheduler.GetTrigger(JobKeys.PortalLinkPurgeTrigger)).ShouldNotBeNull(); // the portal's token-expiry job
    }
}

public sealed class SchedulerTestsOnSqlite(SqliteSchedulerApiFactory factory) : SchedulerTests(factory), IClassFixture<SqliteSchedulerApiFactory>;

public sealed class SchedulerTestsOnPostgres(PostgresSchedulerApiFactory factory) : SchedulerTests(factory), IClassFixture<PostgresSchedulerApiFactory>
{
    [Fact]
    public async Task ASecondNodeStartingOnTheSameDatabase_JoinsTheCluster_WithoutDoublingTheTriggers()
    {
        await using var secondNode = factory.WithWebHostBuilder(_ => { });
        _ = secondNode.Server; // starts the host, its scheduler declares the same jobs and triggers

        var deadline = DateTime.UtcNow.AddSeconds(30);
        long nodes = 0;
        while (DateTime.UtcNow < deadline)
        {
            nodes = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM qrtz_scheduler_state").SingleAsync());
            if (nodes >= 2)
            {
                break;
            }

            await Task.Delay(250);
        }

        nodes.ShouldBe(2);
        var triggers = await factory.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT trigger_name AS \"Value\" FROM qrtz_triggers WHERE trigger_group = 'workorders'").ToListAsync());
        triggers.Order(StringComparer.Ordinal).ShouldBe(["open-work-follow-up", "outbox-processor", "portal-token-expiry"]);
    }
}
