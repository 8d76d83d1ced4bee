using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Serilog;
using WorkOrders.Api;
using WorkOrders.Api.Endpoints;
using WorkOrders.Api.Infrastructure;
using WorkOrders.Application;
using WorkOrders.Infrastructure;
using WorkOrders.Infrastructure.Persistence;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, log) => log
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(
        outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {TraceId}{NewLine}{Exception}",
        formatProvider: System.Globalization.CultureInfo.InvariantCulture));

var limits = builder.Configuration.GetSection(HardeningOptions.Section).Get<HardeningOptions>() ?? new HardeningOptions();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false; // no server banner
    kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
});

builder.Services
    .AddHardening(builder.Configuration)
    .AddApplication()
    .AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath)
    .AddApi();

var app = builder.Build();

// The build-time OpenAPI generator and `dotnet ef` run this file too: no database work for them.
var isTooling = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider" || EF.IsDesignTime;
if (!isTooling)
{
    var database = app.Services.GetRequiredService<DatabaseOptions>();
    var migrateOnly = args.Contains("--migrate");
    var migrate = migrateOnly || (database.MigrateOnStartup ?? database.Provider == DatabaseProvider.Sqlite);
    await DatabaseInitializer.InitializeAsync(app.Services, migrate, CancellationToken.None);
    if (migrateOnly)
    {
        return;
    }
}

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts(); // HTTPS answers only; a reverse proxy terminating TLS forwards the scheme
}

app.UseSerilogRequestLogging(o => o.GetMessageTemplateProperties = LogSafe.RequestProperties); // outside the exception handler: logs the status the client got; no portal tokens
app.UseExceptionHandler();
app.UseRequestSizeLimit(limits);
app.UseResponseCompression();
app.UseStatusCodePages();
app.UseMiddleware<RejectNulInQueryMiddleware>();

app.UseSwagger();
app.UseSwaggerUI(o => o.SwaggerEndpoint("/swagger/v1/swagger.json", "WorkOrders API v1"));

app.UseSpaHosting(); // client/dist (Spa:Path), public, before authentication; skipped when not built

app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<CookieAntiforgeryMiddleware>();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

app.MapGroup("/api/v1")
    .AddEndpointFilterFactory(StrictEnumQueryFilter.Create)
    .MapAuth()
    .MapCustomers()
    .MapSites()
    .MapContracts()
    .MapAssets()
    .MapUsers()
    .MapApiKeys()
    .MapServiceProviders()
    .MapWorkOrders()
    .MapBilling()
    .MapOps()
    .MapWorkMarket()
    .MapPortal();

await app.RunAsync();

/// <summary>Entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c> in the integration tests.</summary>
public partial class Program;
