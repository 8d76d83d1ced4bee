using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Application.Common.Models;
using WorkOrders.Domain.WorkOrders;
using WorkOrders.Infrastructure.Jobs;
using WorkOrders.Infrastructure.Persistence.Outbox;

namespace WorkOrders.Api.IntegrationTests.Jobs;

/// <summary>The application with a real SMTP server behind its e-mail sender; the scheduler stays off, and the
/// tests run the outbox processor themselves (<see cref="ProcessAllDueAsync"/>), deterministically.</summary>
public abstract class JobsApiFactory(TestProvider provider) : ApiFactory(provider)
{
    public const int MaxAttempts = 3;
    public const string FailingReason = "fail-after-notifications";

    public SmtpTestServer Smtp { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Email:Host", "127.0.0.1");
        builder.UseSetting("Email:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:TimeoutSeconds", "10");
        builder.UseSetting("Jobs:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:BatchSize", "5");
        builder.UseSetting("Jobs:BackoffBase", "00:01:00");
        builder.UseSetting("Jobs:BackoffCap", "00:10:00");
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        // Fails a transition (after the notification handlers ran) when asked to: the outbox rows must roll back too.
        services.AddScoped<INotificationHandler<DomainEventNotification<WorkOrderStatusChanged>>, FailingHandler>();
    }

    /// <summary>Runs the processor until nothing is due; returns how many messages were claimed.</summary>
    public async Task<int> ProcessAllDueAsync()
    {
        var processor = Services.GetRequiredService<IOutboxProcessor>();
        var total = 0;
        for (var round = 0; round < 100; round++)
        {
            var claimed = await processor.ProcessDueAsync(CancellationToken.None);
            total += claimed;
            if (claimed == 0)
            {
                return total;
            }
        }

        return total;
    }

    public Task<List<OutboxMessage>> OutboxAsync(Func<OutboxMessage, bool>? filter = null) =>
        WithDbAsync(async db => (await db.Set<OutboxMessage>().AsNoTracking().ToListAsync()).Where(filter ?? (_ => true)).OrderBy(m => m.CreatedAt).ToList());

    /// <summary>Makes every pending message due now (skips the backoff wait).</summary>
    public Task MakeDueAsync() => WithDbAsync(async db =>
    {
        var past = DateTime.UtcNow.AddSeconds(-1);
        return await db.Set<OutboxMessage>().Where(m => m.ProcessedAt == null && m.DeadLetteredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAt, past));
    });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class FailingHandler : INotificationHandler<DomainEventNotification<WorkOrderStatusChanged>>
    {
        public Task Handle(DomainEventNotification<WorkOrderStatusChanged> notification, CancellationToken cancellationToken) =>
            notification.DomainEvent.Reason == FailingReason
                ? throw new InvalidOperationException("Simulated failure after the notification handlers.")
                : Task.CompletedTask;
    }
}

public sealed class SqliteJobsApiFactory() : JobsApiFactory(TestProvider.Sqlite);

public sealed class PostgresJobsApiFactory() : JobsApiFactory(TestProvider.Postgres);
