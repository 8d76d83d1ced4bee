using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using WorkOrders.Api.Infrastructure;
using WorkOrders.Application.Common.Interfaces;

namespace WorkOrders.Api;

public static class DependencyInjection
{
    public const string SmartScheme = "CookieOrApiKey";

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddResponseCompression(); // Brotli/gzip for the SPA's assets and JSON (plain HTTP; HTTPS opt-in stays off: BREACH)
        services.AddScoped<IUser, CurrentUser>();
        services.AddScoped<IClientInfo, ClientInfo>();

        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new TextInputConverter());
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        // A request with X-Api-Key is a partner; anything else is judged by the session cookie.
        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, SmartScheme, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "WorkOrders.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // An API answers 401/403 (as ProblemDetails, via status-code pages) instead of redirecting to a login page.
            o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            // Sessions are checked against the user's security stamp on every request: logout, a password
            // change or a lock-out ends them at once (one indexed read per cookie request; see SessionValidation).
            o.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryDefaults.HeaderName;
            o.Cookie.Name = "WorkOrders.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "WorkOrders API",
                Version = "v1",
                Description = "Work-order management: customers, sites, contracts, assets, work orders. "
                    + "Staff sign in with a cookie (POST /api/v1/auth/login); partners send X-Api-Key.",
            });
            o.AddSecurityDefinition("ApiKey", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "Partner API key (created by an Admin, shown once).",
            });
            o.CustomSchemaIds(SchemaId);
            o.SupportNonNullableReferenceTypes();
            o.NonNullableReferenceTypesAsRequired();
        });
        return services;
    }

    /// <summary>Readable, stable schema names: nested types keep their parent (Auth.LoginRequest → AuthLoginRequest),
    /// generic pages name their item (CursorPage&lt;SiteDto&gt; → SiteDtoCursorPage).</summary>
    private static string SchemaId(Type type)
    {
        if (type.IsGenericType)
        {
            var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
            return string.Concat(type.GetGenericArguments().Select(SchemaId)) + name;
        }

        return type.IsNested && type.DeclaringType is { } parent && !parent.Name.EndsWith("Dto", StringComparison.Ordinal)
            ? parent.Name + type.Name
            : type.Name;
    }
}
