using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace WorkOrders.Bench;

/// <summary>One timed HTTP call: wall time from sending the request to the last byte of the answer.</summary>
internal sealed record TimedCall(TimeSpan Elapsed, int ResponseBytes, int Succeeded, int Failed);

/// <summary>A staff user's session, as the SPA has it: the session cookie from POST /auth/login, and the
/// antiforgery token from its answer sent back as X-XSRF-TOKEN on every write.</summary>
internal sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    private ApiClient(HttpClient http) => _http = http;

    public static async Task<ApiClient> SignInAsync(Uri api, string email, string password, CancellationToken ct)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        var http = new HttpClient(handler) { BaseAddress = api, Timeout = TimeSpan.FromMinutes(5) };
        try
        {
            using var response = await http.PostAsJsonAsync("api/v1/auth/login", new { email, password }, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {body}");
            }

            using var me = JsonDocument.Parse(body);
            var token = me.RootElement.GetProperty("antiforgeryToken").GetString()
                ?? throw new InvalidOperationException("The login answer has no antiforgeryToken.");
            http.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token);
            return new ApiClient(http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>POST /api/v1/work-orders/bulk with a body serialized beforehand (so only the call is timed).</summary>
    public async Task<TimedCall> BulkAsync(byte[] body, CancellationToken ct, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/work-orders/bulk", UriKind.Relative));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var started = Stopwatch.GetTimestamp();
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        var answer = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(
                $"Bulk request failed: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(answer, 0, Math.Min(answer.Length, 2000))}");
        }

        using var result = JsonDocument.Parse(answer);
        return new TimedCall(elapsed, answer.Length, result.RootElement.GetProperty("succeeded").GetInt32(), result.RootElement.GetProperty("failed").GetInt32());
    }

    public void Dispose() => _http.Dispose();
}
