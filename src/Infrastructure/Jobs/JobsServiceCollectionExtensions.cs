using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Infrastructure.Email;
using WorkOrders.Infrastructure.Jobs.Runs;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Infrastructure.Jobs;

/// <summary>Quartz (persistent ADO.NET store: PostgreSQL clustered in the application's database, or SQLite in a
/// file of its own next to the application's), the outbox processor and its handlers, and e-mail.
/// <para>Other modules declare recurring jobs of their own with
/// <c>services.ConfigureAllQuartzSchedulers(q => q.AddJob&lt;T&gt;(…).AddTrigger(…))</c> — Quartz 4 keeps jobs and
/// triggers per scheduler, not in <c>QuartzOptions</c> — and they are scheduled with ours, under the same
/// <c>Quartz:Scheduling:IgnoreDuplicates</c> rule. Do not call <c>AddQuartz</c> a second time.</para></summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>The build-time OpenAPI generator and <c>dotnet ef</c> run Program.cs: no scheduler for them.</summary>
    public static bool IsTooling =>
        Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider" || EF.IsDesignTime;

    public static IServiceCollection AddJobs(
        this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, string connectionString, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddSingleton(jobs);
        var portal = configuration.GetSection(Application.Portal.PortalOptions.Section).Get<Application.Portal.PortalOptions>() ?? new Application.Portal.PortalOptions();
        services.AddSingleton(portal);
        services.AddSingleton<IPortalDocuments, Pdf.PortalPdf>();

        // E-mail: SMTP when a host is configured, else .eml files in the pickup folder under the data folder.
        var email = configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        services.AddSingleton(email);
        var dataFolder = Path.GetFullPath(database.DataDirectory, contentRoot);
        services.AddSingleton(new EmailPickupFolder(Path.GetFullPath(email.PickupDirectory, dataFolder)));
        services.AddSingleton<IEmailSender, SmtpEmailSender>();

        // The outbox: the processor (tests call it directly), the handlers by message type.
        services.AddSingleton<IOutboxProcessor, OutboxProcessor>();
        services.AddScoped<IOutboxMessageHandler, EmailOutboxHandler>();
        services.AddScoped<IOutboxMessageHandler, ReminderScheduler>();
        services.AddScoped<OpenWorkFollowUp>();
        services.AddScoped<IOutboxMessageHandler, PortalInvitationHandler>();
        services.AddScoped<PortalLinkPurge>();

        services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        services.AddQuartz(configuration.GetSection("Quartz"), q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = jobs.SchedulerName);
            q.UseDefaultThreadPool(4);
            q.UsePersistentStore(store =>
            {
                if (database.Provider == DatabaseProvider.Postgres)
                {
                    // Same database as the application; every node joins the cluster (one firing per trigger).
                    store.UsePostgres(connectionString);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(QuartzSqliteConnectionString(jobs, connectionString));
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema(); // creates Quartz's tables from the DDL embedded in Quartz.dll, if missing
            });

            q.AddJob<OutboxProcessorJob>(j => j.WithIdentity(JobKeys.OutboxProcessor).StoreDurably());
            q.AddTrigger(t => t.WithIdentity(JobKeys.OutboxProcessorTrigger).ForJob(JobKeys.OutboxProcessor).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(jobs.OutboxPollInterval).RepeatForever().MeasureIntervalFromCompletion(true)));

            q.AddJob<OpenWorkFollowUpJob>(j => j.WithIdentity(JobKeys.OpenWorkFollowUp).StoreDurably());
            q.AddTrigger(t => t.WithIdentity(JobKeys.OpenWorkFollowUpTrigger).ForJob(JobKeys.OpenWorkFollowUp).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(jobs.FollowUpScanInterval).RepeatForever().MeasureIntervalFromCompletion(true)));

            // The token-expiry job: purges expired and revoked portal links after their grace period.
            q.AddJob<PortalLinkPurgeJob>(j => j.WithIdentity(JobKeys.PortalLinkPurge).StoreDurably());
            q.AddTrigger(t => t.WithIdentity(JobKeys.PortalLinkPurgeTrigger).ForJob(JobKeys.PortalLinkPurge).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(portal.PurgeInterval).RepeatForever().MeasureIntervalFromCompletion(true)));

            // One row per finished execution (JobRuns): the ops view's "last runs", and which node ran what.
            q.AddJobListener<JobRunRecorder>([GroupMatcher<JobKey>.AnyGroup()]);

            // Fired by one persisted trigger per work order (see ReminderScheduler).
            q.AddJob<WaitingOnCustomerReminderJob>(j => j.WithIdentity(JobKeys.WaitingOnCustomerReminder).StoreDurably());
        });

        if (jobs.Enabled && !IsTooling)
        {
            services.AddQuartzHostedService(o =>
            {
                o.WaitForJobsToComplete = true;
                o.AwaitApplicationStarted = true;
            });
        }

        return services;
    }

    /// <summary>SQLite: Quartz's own file (SQLite has one writer; Quartz's row locks would queue behind the
    /// application's writes), next to the application's database unless configured.</summary>
    public static string QuartzSqliteConnectionString(JobsOptions jobs, string applicationConnectionString)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var file = jobs.QuartzSqliteFile;
        if (string.IsNullOrWhiteSpace(file))
        {
            var appFile = new SqliteConnectionStringBuilder(applicationConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(appFile)) ?? ".";
            file = Path.Combine(folder, Path.GetFileNameWithoutExtension(appFile) + ".quartz.db");
        }

        return new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30, Pooling = true }.ConnectionString;
    }
}
