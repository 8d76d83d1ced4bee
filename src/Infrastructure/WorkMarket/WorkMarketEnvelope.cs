using System.Net;
using System.Text.Json;

namespace WorkOrders.Infrastructure.WorkMarket;

/// <summary>WorkMarket's response envelope: <c>{"meta":{errors,status_code,version,requestId,execution_time,timestamp},
/// "response":{…}}</c>. Success needs both a 2xx HTTP status and meta.status_code 2xx, and no
/// <c>response.successful: false</c> — business failures come back as HTTP 200 with meta.status_code 400.</summary>
public sealed class WorkMarketEnvelope
{
    private WorkMarketEnvelope(JsonElement response, int statusCode, long? timestamp, string? requestId)
    {
        Response = response;
        StatusCode = statusCode;
        Timestamp = timestamp;
        RequestId = requestId;
    }

    public JsonElement Response { get; }

    public int StatusCode { get; }

    /// <summary>meta.timestamp (ms): the server's clock, the next <c>modified_since</c> cursor.</summary>
    public long? Timestamp { get; }

    public string? RequestId { get; }

    /// <summary>Reads an answer, or throws a <see cref="WorkMarketException"/> saying what kind of failure it is.</summary>
    public static WorkMarketEnvelope Parse(HttpStatusCode httpStatus, string body)
    {
        var http = (int)httpStatus;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        }
        catch (JsonException e)
        {
            throw new WorkMarketException(KindOf(http, WorkMarketErrorKind.Protocol), $"WorkMarket answered HTTP {http} with a body that is not JSON.", http, inner: e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("meta", out var meta) || meta.ValueKind != JsonValueKind.Object)
            {
                throw new WorkMarketException(KindOf(http, WorkMarketErrorKind.Protocol), $"WorkMarket answered HTTP {http} without the meta envelope.", http);
            }

            var statusCode = meta.TryGetProperty("status_code", out var sc) && sc.TryGetInt32(out var s) ? s : http;
            var errors = ErrorsOf(meta);
            var response = root.TryGetProperty("response", out var r) ? r.Clone() : default;
            var timestamp = meta.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var t) ? t : (long?)null;
            var requestId = meta.TryGetProperty("requestId", out var rid) && rid.ValueKind == JsonValueKind.String ? rid.GetString() : null;
            var unsuccessful = response.ValueKind == JsonValueKind.Object && response.TryGetProperty("successful", out var ok) && ok.ValueKind == JsonValueKind.False;

            var failed = http is < 200 or > 299 || statusCode is < 200 or > 299 || unsuccessful;
            if (failed)
            {
                var code = http is < 200 or > 299 ? http : statusCode is < 200 or > 299 ? statusCode : 400;
                var what = errors.Count > 0 ? string.Join("; ", errors.Select(e => e.Message)) : "no error message";
                throw new WorkMarketException(KindOf(code, WorkMarketErrorKind.Business), $"WorkMarket refused the request ({code}): {what}", code, errors);
            }

            return new WorkMarketEnvelope(response, statusCode, timestamp, requestId);
        }
    }

    /// <summary>The kind of failure an HTTP / meta status stands for.</summary>
    public static WorkMarketErrorKind KindOf(int status, WorkMarketErrorKind otherwise) => status switch
    {
        401 or 403 => WorkMarketErrorKind.Unauthorized,
        408 or 429 or >= 500 => WorkMarketErrorKind.Transient,
        >= 400 and < 500 => WorkMarketErrorKind.Business,
        _ => otherwise,
    };

    private static List<WorkMarketError> ErrorsOf(JsonElement meta)
    {
        var errors = new List<WorkMarketError>();
        if (meta.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in list.EnumerateArray())
            {
                if (e.ValueKind == JsonValueKind.Object)
                {
                    errors.Add(new WorkMarketError(Text(e, "code"), Text(e, "message")));
                }
                else if (e.ValueKind == JsonValueKind.String)
                {
                    errors.Add(new WorkMarketError(string.Empty, e.GetString() ?? string.Empty));
                }
            }
        }

        return errors;
    }

    internal static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString() ?? string.Empty,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
                _ => string.Empty,
            }
            : string.Empty;
}
