using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace WorkOrders.WorkMarket.Sandbox;

/// <summary>Entry point: <c>dotnet run --project tools/WorkMarket.Sandbox</c> (listens on http://127.0.0.1:5099
/// unless <c>--urls</c> says otherwise).</summary>
public static class SandboxProgram
{
    public static async Task Main(string[] args)
    {
        var app = SandboxApp.Build(args);
        if (!args.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)) && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
        {
            app.Urls.Add("http://127.0.0.1:5099");
        }

        await app.RunAsync();
    }
}

/// <summary>A running sandbox (tests): its base URL, its state, its options (faults can be changed directly).</summary>
public sealed class SandboxHost(WebApplication app, string baseUrl) : IAsyncDisposable
{
    public string BaseUrl { get; } = baseUrl;

    public WebApplication App { get; } = app;

    public SandboxStore Store => App.Services.GetRequiredService<SandboxStore>();

    public SandboxOptions Options => App.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;

    public FaultSettings Faults
    {
        get => Options.Faults;
        set => Options.Faults = value;
    }

    public WebhookLog Webhooks => App.Services.GetRequiredService<WebhookLog>();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>The WorkMarket Employer API v1 subset we call (see /work/shared/workmarket/README.md): same
/// envelope, same auth, same status machine, plus switches to inject faults and to fire webhooks.</summary>
public static class SandboxApp
{
    public static WebApplication Build(string[] args, Action<SandboxOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.Configure<SandboxOptions>(builder.Configuration.GetSection(SandboxOptions.Section));
        if (configure is not null)
        {
            builder.Services.PostConfigure(configure);
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SandboxStore>();
        builder.Services.AddSingleton<WebhookLog>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var app = builder.Build();
        app.Services.GetRequiredService<WebhookSender>().Attach();
        app.UseMiddleware<FaultMiddleware>();
        MapApi(app);
        MapControl(app);
        return app;
    }

    /// <summary>Starts a sandbox on <paramref name="url"/> (default: a free port on 127.0.0.1) and answers when it listens.</summary>
    public static async Task<SandboxHost> StartAsync(string url = "http://127.0.0.1:0", Action<SandboxOptions>? configure = null)
    {
        var app = Build([], configure);
        app.Urls.Clear();
        app.Urls.Add(url);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, address.TrimEnd('/'));
    }

    private static void MapApi(WebApplication app)
    {
        var v1 = app.MapGroup("/v1/employer");

        v1.MapPost("/authorization/request", async (HttpContext http, SandboxStore store, IOptions<SandboxOptions> options) =>
        {
            var input = await Inputs.ReadAsync(http.Request);
            var o = options.Value;
            if (input.One("token") != o.Token || input.One("secret") != o.Secret)
            {
                return Envelope.Unauthorized("Invalid token or secret");
            }

            return Envelope.Ok(new Dictionary<string, object?> { ["access_token"] = store.IssueToken(o.TokenLifetime) });
        });

        var assignments = v1.MapGroup("/assignments").AddEndpointFilter(RequireToken);

        assignments.MapPost("/create", async (HttpContext http, SandboxStore store, IOptions<SandboxOptions> options) =>
        {
            var input = await Inputs.ReadAsync(http.Request);
            var faults = options.Value.Faults;
            if (TakeOne(faults, f => f.BusinessErrorNext, (f, n) => f.BusinessErrorNext = n))
            {
                return Envelope.BusinessError("invalid_request", faults.BusinessErrorMessage);
            }

            var errors = new List<string>();
            var title = input.One("title");
            if (string.IsNullOrWhiteSpace(title)) errors.Add("title is required");
            if (string.IsNullOrWhiteSpace(input.One("description"))) errors.Add("description is required");
            if (!long.TryParse(input.One("industry_id"), CultureInfo.InvariantCulture, out var industry) || industry <= 0) errors.Add("industry_id is required");
            var start = input.Int64("scheduled_start");
            if (start is null && string.IsNullOrWhiteSpace(input.One("scheduled_start_date"))) errors.Add("scheduled_start or scheduled_start_date is required");
            var pricing = input.One("pricing_type") ?? string.Empty;
            if (pricing is not ("flat" or "per_hour" or "per_unit" or "blended_per_hour" or "internal")) errors.Add("pricing_type is not valid");
            if (pricing == "flat" && input.Number("pricing_flat_price") is null) errors.Add("pricing_flat_price is required for flat pricing");
            var external = input.One("external_work_id");
            if (external is not null && !long.TryParse(external, CultureInfo.InvariantCulture, out _)) errors.Add("external_work_id must be an integer");
            var hasLocation = input.One("location_id") is not null
                || (input.One("location_address1") is not null && input.One("location_city") is not null && input.One("location_country") is "USA" or "CAN");
            if (!hasLocation && input.One("location_offsite") != "true") errors.Add("location_* (with location_country USA or CAN) or location_id is required");
            if (errors.Count > 0)
            {
                return Envelope.BusinessError("invalid_request", [.. errors]);
            }

            var assignment = store.Create((id, now) => new SandboxAssignment
            {
                Id = id,
                ExternalWorkId = external,
                Title = title!,
                Description = input.One("description")!,
                IndustryId = industry,
                ScheduledStart = start,
                ScheduledEnd = input.Int64("scheduled_end"),
                PricingType = pricing,
                FlatPrice = input.Number("pricing_flat_price"),
                Location = input.Where(kv => kv.Key.StartsWith("location_", StringComparison.Ordinal)).ToDictionary(kv => kv.Key, kv => kv.Value.ToString()),
                CreatedOn = now,
            });

            if (TakeOne(faults, f => f.LoseCreateResponsesNext, (f, n) => f.LoseCreateResponsesNext = n))
            {
                // Committed, but the caller never learns it.
                if (faults.LostResponseMode == "504")
                {
                    return Envelope.Status(StatusCodes.Status504GatewayTimeout, "gateway_timeout", "Upstream timed out");
                }

                http.Abort();
                return Results.Empty;
            }

            return Envelope.Ok(new Dictionary<string, object?> { ["id"] = assignment.Id, ["successful"] = true });
        });

        assignments.MapPost("/{id}/send", async (string id, HttpContext http, SandboxStore store, IOptions<SandboxOptions> options) =>
        {
            var input = await Inputs.ReadAsync(http.Request);
            var groups = input.Many("group_id").Select(g => long.TryParse(g, CultureInfo.InvariantCulture, out var v) ? v : -1).ToList();
            var resources = input.Many("resource_id").ToList();
            var invalid = groups.Where(g => !options.Value.TalentPoolIds.Contains(g)).ToList();
            if (groups.Count == 0 && resources.Count == 0)
            {
                return Envelope.BusinessError("invalid_request", "group_id or resource_id is required");
            }

            var error = store.Transition(id, "sent", "assignment.sent", "Sent", a =>
            {
                a.Groups.AddRange(groups.Except(invalid).Except(a.Groups));
                a.Resources.AddRange(resources.Except(a.Resources));
                a.SendCount++;
            });
            if (error is not null)
            {
                return store.Get(id) is null ? Envelope.NotFound(error) : Envelope.BusinessError("invalid_status", error);
            }

            if (options.Value.AutoAcceptDelay is { } delay)
            {
                _ = Task.Run(async () =>
                {
                    await Task.Delay(delay);
                    store.Transition(id, "active", "assignment.accepted", "Accepted by worker", a => a.ActiveResource = "sandbox-worker-1");
                });
            }

            return Envelope.Ok(new Dictionary<string, object?>
            {
                ["successful"] = true,
                ["invalid_groups"] = invalid,
                ["number_of_resources_sent"] = resources.Count + (groups.Count - invalid.Count) * 3,
                ["resource_send_results"] = new Dictionary<string, object?>(),
            });
        });

        assignments.MapGet("/get", (HttpContext http, SandboxStore store) =>
        {
            var id = http.Request.Query["id"].ToString();
            return store.Get(id) is { } a ? Envelope.Ok(Details(a)) : Envelope.NotFound($"Assignment {id} not found");
        });

        assignments.MapGet("/list", (HttpContext http, SandboxStore store) =>
        {
            var q = http.Request.Query;
            var status = q["status"].ToString();
            var items = store.All().Where(a => string.IsNullOrEmpty(status) || a.Status == status);
            return Page(items, q, store);
        });

        assignments.MapGet("/list_updated", (HttpContext http, SandboxStore store) =>
        {
            var q = http.Request.Query;
            var since = long.TryParse(q["modified_since"], CultureInfo.InvariantCulture, out var s) ? s : 0;
            var status = q["status"].ToString();
            var items = store.All().Where(a => a.ModifiedOn > since && (string.IsNullOrEmpty(status) || a.Status == status))
                .OrderBy(a => a.ModifiedOn);
            return Page(items, q, store);
        });

        assignments.MapPost("/void", async (HttpContext http, SandboxStore store) =>
        {
            var input = await Inputs.ReadAsync(http.Request);
            return Change(store, input.One("id"), "void", "assignment.voided", input.One("note") ?? "Voided");
        });

        assignments.MapPost("/cancel", async (HttpContext http, SandboxStore store) =>
        {
            var input = await Inputs.ReadAsync(http.Request);
            var to = input.Number("amount") is > 0 ? "cancelledWithPay" : "cancelled";
            return Change(store, input.One("id"), to, "assignment.cancelled", input.One("reason") ?? input.One("note") ?? "Cancelled");
        });

        assignments.MapPost("/approve_payment", async (HttpContext http, SandboxStore store, TimeProvider clock) =>
        {
            var input = await Inputs.ReadAsync(http.Request);
            return Change(store, input.One("id"), "paid", "assignment.paid", "Payment approved", a => a.PaidOn = clock.GetUtcNow().ToUnixTimeSeconds());
        });

        v1.MapGet("/groups/list", (IOptions<SandboxOptions> options) =>
            Envelope.Ok(options.Value.TalentPoolIds.Select(id => new Dictionary<string, object?>
            {
                ["id"] = id,
                ["name"] = $"Sandbox pool {id}",
                ["description"] = "A talent pool of the sandbox",
                ["members"] = 3,
                ["active"] = true,
                ["deleted"] = false,
            }).ToList())).AddEndpointFilter(RequireToken);
    }

    private static void MapControl(WebApplication app)
    {
        var control = app.MapGroup("/_sandbox");
        control.MapGet("/faults", (IOptions<SandboxOptions> o) => Results.Json(o.Value.Faults));
        control.MapPost("/faults", (FaultSettings faults, IOptions<SandboxOptions> o) =>
        {
            o.Value.Faults = faults;
            return Results.Json(o.Value.Faults);
        });
        control.MapPost("/webhook", (WebhookSettings webhook, IOptions<SandboxOptions> o) =>
        {
            o.Value.Webhook = webhook;
            return Results.Json(o.Value.Webhook);
        });
        control.MapPost("/tokens/expire", (SandboxStore store) =>
        {
            store.ExpireTokens();
            return Results.NoContent();
        });
        control.MapPost("/reset", (SandboxStore store) =>
        {
            store.Reset();
            return Results.NoContent();
        });
        control.MapGet("/assignments", (SandboxStore store) =>
            Results.Json(new { count = store.Count, assignments = store.All().Select(Details) }));
        control.MapGet("/stats", (SandboxStore store) =>
            Results.Json(new { assignments = store.Count, authorizations = store.Authorizations, requests = store.RequestCounts() }));

        // Moves an assignment as the worker or the marketplace would (accept, decline, complete, ...), along the status machine.
        control.MapPost("/assignments/{id}/status", (string id, StatusChange body, SandboxStore store) =>
        {
            var error = store.Transition(id, body.Status, "assignment." + body.Status, body.Note ?? "Changed in the sandbox", a =>
            {
                if (body.Status == "active")
                {
                    a.ActiveResource = body.Resource ?? a.ActiveResource ?? "sandbox-worker-1";
                }
            });
            return error is null ? Results.Json(Details(store.Get(id)!))
                : store.Get(id) is null ? Results.NotFound(new { error }) : Results.Conflict(new { error });
        });
    }

    public sealed record StatusChange(string Status, string? Resource = null, string? Note = null);

    private static IResult Change(SandboxStore store, string? id, string to, string @event, string note, Action<SandboxAssignment>? apply = null)
    {
        if (string.IsNullOrEmpty(id))
        {
            return Envelope.BusinessError("invalid_request", "id is required");
        }

        var error = store.Transition(id, to, @event, note, apply);
        return error is null ? Envelope.Ok(new Dictionary<string, object?> { ["successful"] = true })
            : store.Get(id) is null ? Envelope.NotFound(error) : Envelope.BusinessError("invalid_status", error);
    }

    private static IResult Page(IEnumerable<SandboxAssignment> items, IQueryCollection q, SandboxStore store)
    {
        var timestamp = store.LatestTimestamp();
        var all = items.ToList();
        var start = int.TryParse(q["start"], CultureInfo.InvariantCulture, out var s) ? Math.Max(0, s) : 0;
        var limit = int.TryParse(q["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 25;
        var page = all.Skip(start).Take(limit).Select(ListItem).ToList();
        return Envelope.Ok(new Dictionary<string, object?>
        {
            ["count"] = page.Count,
            ["data"] = page,
            ["limit"] = limit,
            ["start"] = start,
            ["totalResults"] = all.Count,
        }, timestamp);
    }

    private static Dictionary<string, object?> ListItem(SandboxAssignment a) => new()
    {
        ["id"] = a.Id,
        ["title"] = a.Title,
        ["status"] = a.Status,
        ["modified_status"] = a.Status,
        ["external_work_id"] = a.ExternalWorkId,
        ["scheduled_start"] = a.ScheduledStart,
        ["scheduled_end"] = a.ScheduledEnd,
        ["address_line1"] = a.Location.GetValueOrDefault("location_address1"),
        ["city"] = a.Location.GetValueOrDefault("location_city"),
        ["state"] = a.Location.GetValueOrDefault("location_state"),
        ["postal_code"] = a.Location.GetValueOrDefault("location_zip"),
        ["country"] = a.Location.GetValueOrDefault("location_country"),
        ["last_modified_on"] = a.ModifiedOn,
    };

    private static Dictionary<string, object?> Details(SandboxAssignment a) => new()
    {
        ["id"] = a.Id,
        ["title"] = a.Title,
        ["description"] = a.Description,
        ["status"] = a.Status,
        ["external_work_id"] = a.ExternalWorkId,
        ["industry_id"] = a.IndustryId,
        ["active_resource"] = a.ActiveResource is null ? null : new Dictionary<string, object?> { ["id"] = a.ActiveResource },
        ["pricing"] = new Dictionary<string, object?> { ["type"] = a.PricingType, ["flat_price"] = a.FlatPrice },
        ["schedule"] = new Dictionary<string, object?> { ["start"] = a.ScheduledStart, ["end"] = a.ScheduledEnd },
        ["location"] = a.Location,
        ["routing"] = new Dictionary<string, object?> { ["groups"] = a.Groups, ["resources"] = a.Resources, ["send_count"] = a.SendCount },
        ["payment"] = new Dictionary<string, object?> { ["total_cost"] = a.Status == "paid" ? a.FlatPrice : null, ["hours_worked"] = null, ["paid_on"] = a.PaidOn },
        ["history"] = a.History.Select(h => new Dictionary<string, object?> { ["date"] = h.Date, ["status"] = h.Status, ["description"] = h.Note }).ToList(),
        ["created_on"] = a.CreatedOn,
        ["last_modified_on"] = a.ModifiedOn,
    };

    /// <summary><c>Authorization: Bearer …</c> or <c>?access_token=</c>, else 401 in the envelope.</summary>
    private static async ValueTask<object?> RequireToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : http.Request.Query["access_token"].ToString();
        return http.RequestServices.GetRequiredService<SandboxStore>().IsValidToken(token)
            ? await next(context)
            : Envelope.Unauthorized("Invalid or expired access token");
    }

    private static bool TakeOne(FaultSettings faults, Func<FaultSettings, int> get, Action<FaultSettings, int> set)
    {
        lock (faults)
        {
            var n = get(faults);
            if (n <= 0)
            {
                return false;
            }

            set(faults, n - 1);
            return true;
        }
    }

    /// <summary>Injects the configured faults into <c>/v1/</c> requests and counts every request by path.</summary>
    private sealed class FaultMiddleware(RequestDelegate next)
    {
        public async Task InvokeAsync(HttpContext http, IOptions<SandboxOptions> options, SandboxStore store)
        {
            var path = http.Request.Path.Value ?? string.Empty;
            if (!path.StartsWith("/v1/", StringComparison.Ordinal))
            {
                await next(http);
                return;
            }

            store.CountRequest(path);
            var faults = options.Value.Faults;
            if (faults.PathContains is null || path.Contains(faults.PathContains, StringComparison.Ordinal))
            {
                if (faults.LatencyMilliseconds > 0)
                {
                    await Task.Delay(faults.LatencyMilliseconds, http.RequestAborted);
                }

                if (TakeOne(faults, f => f.RateLimitNext, (f, n) => f.RateLimitNext = n))
                {
                    http.Response.Headers["X-Rate-Limit-Limit"] = "100";
                    http.Response.Headers["X-Rate-Limit-Reset"] = faults.RateLimitResetSeconds.ToString(CultureInfo.InvariantCulture);
                    await Envelope.Status(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests").ExecuteAsync(http);
                    return;
                }

                if (TakeOne(faults, f => f.ServiceUnavailableNext, (f, n) => f.ServiceUnavailableNext = n)
                    || (faults.ServiceUnavailableRate > 0 && Random.Shared.NextDouble() < faults.ServiceUnavailableRate))
                {
                    await Envelope.Status(StatusCodes.Status503ServiceUnavailable, "unavailable", "Service unavailable").ExecuteAsync(http);
                    return;
                }
            }

            await next(http);
        }
    }
}

/// <summary>The envelope of every response: <c>{"meta":{errors,status_code,version,requestId,execution_time,timestamp},"response":{…}}</c>.</summary>
public static class Envelope
{
    /// <summary>Success; <paramref name="timestamp"/> is meta.timestamp (list_updated: not before any change it lists, not after any it misses).</summary>
    public static IResult Ok(object response, long? timestamp = null) => Make(StatusCodes.Status200OK, StatusCodes.Status200OK, [], response, timestamp);

    /// <summary>A business failure: HTTP 200, meta.status_code 400, response.successful false.</summary>
    public static IResult BusinessError(string code, params string[] messages) =>
        Make(StatusCodes.Status200OK, StatusCodes.Status400BadRequest, [.. messages.Select(m => new Dictionary<string, object?> { ["code"] = code, ["message"] = m })],
            new Dictionary<string, object?> { ["successful"] = false });

    public static IResult NotFound(string message) =>
        Make(StatusCodes.Status404NotFound, StatusCodes.Status404NotFound, [new Dictionary<string, object?> { ["code"] = "not_found", ["message"] = message }], new Dictionary<string, object?>());

    public static IResult Unauthorized(string message) =>
        Make(StatusCodes.Status401Unauthorized, StatusCodes.Status401Unauthorized, [new Dictionary<string, object?> { ["code"] = "unauthorized", ["message"] = message }], new Dictionary<string, object?>());

    public static IResult Status(int status, string code, string message) =>
        Make(status, status, [new Dictionary<string, object?> { ["code"] = code, ["message"] = message }], new Dictionary<string, object?>());

    private static IResult Make(int http, int statusCode, List<Dictionary<string, object?>> errors, object response, long? timestamp = null) =>
        Results.Json(new Dictionary<string, object?>
        {
            ["meta"] = new Dictionary<string, object?>
            {
                ["errors"] = errors,
                ["status_code"] = statusCode,
                ["version"] = 1,
                ["requestId"] = Activity.Current?.Id ?? Guid.NewGuid().ToString("N"),
                ["execution_time"] = 0.01,
                ["timestamp"] = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            },
            ["response"] = response,
        }, statusCode: http);
}

/// <summary>The inputs of a request: query string and form body together, repeated keys kept.</summary>
public sealed class Inputs : Dictionary<string, StringValues>
{
    private Inputs() : base(StringComparer.Ordinal)
    {
    }

    public static async Task<Inputs> ReadAsync(HttpRequest request)
    {
        var inputs = new Inputs();
        foreach (var (key, value) in request.Query)
        {
            inputs[key] = value;
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                inputs[key] = inputs.TryGetValue(key, out var existing) ? StringValues.Concat(existing, value) : value;
            }
        }

        return inputs;
    }

    public string? One(string key) => TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v[0] : null;

    public IEnumerable<string> Many(string key) => TryGetValue(key, out var v) ? v.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!) : [];

    public long? Int64(string key) => long.TryParse(One(key), CultureInfo.InvariantCulture, out var v) ? v : null;

    public decimal? Number(string key) => decimal.TryParse(One(key), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>What the webhook sender delivered (tests read it).</summary>
public sealed class WebhookLog
{
    private readonly List<(string Body, int Status)> _deliveries = [];
    private readonly Lock _gate = new();

    public void Add(string body, int status)
    {
        lock (_gate)
        {
            _deliveries.Add((body, status));
        }
    }

    public IReadOnlyList<(string Body, int Status)> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }
}

/// <summary>Fires the configured webhook on every status change: the body template with its variables
/// filled, the custom header, retried once on failure (as WorkMarket does).</summary>
public sealed class WebhookSender(SandboxStore store, IOptions<SandboxOptions> options, WebhookLog log, ILogger<WebhookSender> logger)
{
    public void Attach() => store.StatusChanged += change => _ = Task.Run(() => FireAsync(change));

    private async Task FireAsync(SandboxStatusChange change)
    {
        var o = options.Value;
        var webhook = o.Webhook;
        if (string.IsNullOrEmpty(webhook.Url))
        {
            return;
        }

        var body = new StringBuilder(webhook.BodyTemplate)
            .Replace("${assignment_id}", change.Assignment.Id)
            .Replace("${status}", change.Status)
            .Replace("${event}", change.Event)
            .Replace("${external_work_id}", change.Assignment.ExternalWorkId ?? string.Empty)
            .Replace("${timestamp}", change.Assignment.ModifiedOn.ToString(CultureInfo.InvariantCulture))
            .ToString();
        using var client = o.WebhookHandlerFactory is { } factory ? new HttpClient(factory(), disposeHandler: true) : new HttpClient();
        for (var delivery = 0; delivery < (webhook.DeliverTwice ? 2 : 1); delivery++)
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(body, Encoding.UTF8, webhook.ContentType) };
                    if (webhook.HeaderValue is not null)
                    {
                        request.Headers.TryAddWithoutValidation(webhook.HeaderName, webhook.HeaderValue);
                    }

                    using var response = await client.SendAsync(request);
                    log.Add(body, (int)response.StatusCode);
                    if (response.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (Exception e)
                {
                    log.Add(body, 0);
                    logger.LogWarning(e, "Webhook delivery to {Url} failed", webhook.Url);
                }
            }
        }
    }
}
