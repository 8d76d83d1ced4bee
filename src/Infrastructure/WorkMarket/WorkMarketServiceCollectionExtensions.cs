using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WorkOrders.Infrastructure.Jobs;

namespace WorkOrders.Infrastructure.WorkMarket;

public static class WorkMarketServiceCollectionExtensions
{
    /// <summary>The WorkMarket integration: options (<c>WorkMarket</c> section), the typed client behind the
    /// resilience handler, the dispatch outbox handler, the webhook processor, and the reconciliation job with its
    /// trigger (added to every Quartz scheduler, however and whenever the application registers it).</summary>
    public static IServiceCollection AddWorkMarket(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WorkMarketOptions.Section).Get<WorkMarketOptions>() ?? new WorkMarketOptions();
        services.AddSingleton(options);
        services.AddSingleton<WorkMarketTokenCache>();
        services.AddSingleton<WorkMarketResilience>();
        services.AddTransient<WorkMarketResilienceHandler>();
        services.AddHttpClient<WorkMarketClient>(http =>
            {
                http.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/");
                http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's total and attempt timeouts decide
            })
            .AddHttpMessageHandler<WorkMarketResilienceHandler>();

        services.AddScoped<IOutboxMessageHandler, WorkMarketDispatchHandler>();
        services.AddScoped<WorkMarketWebhookProcessor>();
        services.AddScoped<WorkMarketReconciler>();

        // Quartz 4.7: jobs and triggers are registered per scheduler on its builder (QuartzOptions no longer holds
        // them); ConfigureAllQuartzSchedulers applies to every scheduler whether AddQuartz runs before or after this.
        services.ConfigureAllQuartzSchedulers(quartz =>
        {
            quartz.AddJob<WorkMarketReconciliationJob>(job => job.WithIdentity(WorkMarketReconciliationJob.Key)
                .WithDescription("WorkMarket: apply list_updated since the stored cursor"));
            quartz.AddTrigger(trigger => trigger.ForJob(WorkMarketReconciliationJob.Key)
                .WithIdentity("workmarket-reconciliation-trigger", "workmarket")
                .StartAt(DateTimeOffset.UtcNow.Add(options.ReconciliationInterval))
                .WithSimpleSchedule(s => s.WithInterval(options.ReconciliationInterval).RepeatForever()));
        });
        return services;
    }
}
