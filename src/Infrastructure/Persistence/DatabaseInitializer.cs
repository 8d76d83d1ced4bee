using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkOrders.Application.Common.Security;
using WorkOrders.Infrastructure.Identity;

namespace WorkOrders.Infrastructure.Persistence;

/// <summary>Start-up work on the database: migrations (when enabled), roles, and the first Admin on an empty user table.</summary>
public sealed partial class DatabaseInitializer(
    AppDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>Documented development credentials, used only on the embedded default when none are configured.</summary>
    public const string DevAdminEmail = "admin@workorders.local";
    public const string DevAdminPassword = "Admin!2345678";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.IsSqlite)
        {
            // WAL: readers never block the writer; persistent in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.StaffRoles)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }

        if (await users.Users.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var email = configuration["WorkOrders:Bootstrap:AdminEmail"];
        var password = configuration["WorkOrders:Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            if (!db.IsSqlite)
            {
                LogNoBootstrap(logger);
                return;
            }

            (email, password) = (DevAdminEmail, DevAdminPassword);
            LogDevAdmin(logger, email, password);
        }

        var admin = new AppUser { UserName = email, Email = email, DisplayName = "Administrator", EmailConfirmed = true };
        var result = await users.CreateAsync(admin, password).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The bootstrap Admin could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin).ConfigureAwait(false);
        LogAdminCreated(logger, email);
    }

    public static async Task InitializeAsync(IServiceProvider services, bool migrate, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        if (migrate)
        {
            await initializer.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        await initializer.SeedAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Empty database and no WorkOrders:Bootstrap:AdminEmail/AdminPassword configured: no Admin was created.")]
    private static partial void LogNoBootstrap(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development Admin created on the embedded database: {Email} / {Password} (change it, or set WORKORDERS__BOOTSTRAP__ADMINEMAIL and __ADMINPASSWORD).")]
    private static partial void LogDevAdmin(ILogger logger, string email, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap Admin {Email} created.")]
    private static partial void LogAdminCreated(ILogger logger, string email);
}
