using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Infrastructure.Identity;
using WorkOrders.Infrastructure.Jobs;
using WorkOrders.Infrastructure.Persistence;
using WorkOrders.Infrastructure.Persistence.Interceptors;
using WorkOrders.Infrastructure.WorkMarket;

namespace WorkOrders.Infrastructure;

public static class DependencyInjection
{
    public const string SqliteMigrationsAssembly = "WorkOrders.Infrastructure.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "WorkOrders.Infrastructure.Migrations.Postgres";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);

        services.AddScoped<ISaveChangesInterceptor, DispatchDomainEventsInterceptor>();
        services.AddScoped<ISaveChangesInterceptor, AuditingInterceptor>();

        var connectionString = ConnectionString(options, configuration, contentRoot);
        services.AddDbContext<AppDbContext>((sp, db) =>
        {
            db.AddInterceptors(sp.GetServices<ISaveChangesInterceptor>());
            switch (options.Provider)
            {
                case DatabaseProvider.Postgres:
                    db.UseNpgsql(connectionString, npgsql => npgsql
                        .MigrationsAssembly(PostgresMigrationsAssembly)
                        .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                        .EnableRetryOnFailure(maxRetryCount: options.MaxRetryCount, maxRetryDelay: options.MaxRetryDelay, errorCodesToAdd: null));
                    break;
                default:
                    db.UseSqlite(connectionString, sqlite => sqlite
                        .MigrationsAssembly(SqliteMigrationsAssembly)
                        .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));
                    break;
            }
        });

        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<IWorkOrderNumbers, WorkOrderNumbers>();
        services.AddScoped<IRowLocks, RowLocks>();
        services.AddScoped<Persistence.Bulk.BulkInserter>();
        services.AddScoped<IWorkOrderBulkStore, Persistence.Bulk.WorkOrderBulkStore>();
        services.AddScoped<IOutbox, Persistence.Outbox.Outbox>();
        services.AddScoped<IIdempotencyStore, Persistence.Idempotency.IdempotencyStore>();
        services.AddScoped<IBackgroundJobsMonitor, Jobs.Monitoring.BackgroundJobsMonitor>();
        services.AddWorkMarket(configuration);

        services.AddIdentityCore<AppUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireNonAlphanumeric = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<IIdentityService, IdentityService>();

        services.AddJobs(configuration, options, connectionString, contentRoot);

        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>The configured connection string; on SQLite, defaults to a file in the data folder (created if missing).</summary>
    public static string ConnectionString(DatabaseOptions options, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            return configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
        }

        if (configuration.GetConnectionString("Sqlite") is { Length: > 0 } configured)
        {
            return configured;
        }

        var folder = Path.GetFullPath(options.DataDirectory, contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "workorders.db")};Default Timeout=30;Pooling=True";
    }
}
