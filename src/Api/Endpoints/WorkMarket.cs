using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Application.WorkOrders.Commands.ResyncWorkMarket;
using WorkOrders.Application.WorkOrders.Queries.GetWorkOrder;
using WorkOrders.Infrastructure.WorkMarket;

namespace WorkOrders.Api.Endpoints;

/// <summary>The WorkMarket integration's HTTP surface: the re-sync action (staff) and the webhook WorkMarket calls.</summary>
public static class WorkMarketEndpoints
{
    public static RouteGroupBuilder MapWorkMarket(this RouteGroupBuilder api)
    {
        api.MapPost("/work-orders/{id:guid}/workmarket/resync", Resync).WithName("ResyncWorkMarket").WithTags("WorkOrders")
            .WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary("Dispatchers: publishes a WorkMarket-routed work order on WorkMarket again (a new dispatch; never a second assignment). 409 when it is not routed to WorkMarket or is closed.");

        // Called by WorkMarket, not by integrators: left out of the OpenAPI document (and so of the generated client).
        // No cookie or API key; the shared secret in the configured header is the credential.
        api.MapPost("/integrations/workmarket/webhook", Webhook).WithName("WorkMarketWebhook").AllowAnonymous().ExcludeFromDescription();
        return api;
    }

    private static async Task<Accepted<WorkMarketSyncDto>> Resync(IMediator sender, Guid id, CancellationToken ct) =>
        TypedResults.Accepted($"/api/v1/work-orders/{id}", await sender.Send(new ResyncWorkMarketCommand(id), ct));

    private static async Task<IResult> Webhook(HttpContext http, WorkMarketOptions options, WorkMarketWebhookProcessor processor, CancellationToken ct)
    {
        var presented = http.Request.Headers[options.WebhookSecretHeader].ToString();
        if (!WorkMarketWebhookProcessor.SecretMatches(presented.Length == 0 ? null : presented, options.WebhookSecret))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        var (assignmentId, @event, status) = await ReadAsync(http.Request, ct);
        if (string.IsNullOrWhiteSpace(assignmentId) || string.IsNullOrWhiteSpace(status) || assignmentId.Length > 64 || status.Length > 40 || @event.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["assignment_id"] = ["The webhook must name the assignment (assignment_id, at most 64 characters)."],
                ["status"] = ["The webhook must name the status (status, at most 40 characters)."],
            });
        }

        var outcome = await processor.ProcessAsync(assignmentId, @event, status, ct);
        return TypedResults.Ok(new { outcome = outcome.ToString() });
    }

    /// <summary>The body template is ours to choose in WorkMarket's UI: JSON (<c>{"assignment_id","event","status"}</c>)
    /// or form fields with the same names.</summary>
    private static async Task<(string? AssignmentId, string Event, string? Status)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        string? id = null, ev = null, status = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            (id, ev, status) = (form["assignment_id"].ToString(), form["event"].ToString(), form["status"].ToString());
        }
        else
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    (id, ev, status) = (Text(document.RootElement, "assignment_id"), Text(document.RootElement, "event"), Text(document.RootElement, "status"));
                }
            }
            catch (JsonException)
            {
                // Answered as a validation problem below.
            }
        }

        return (id?.Trim(), string.IsNullOrWhiteSpace(ev) ? "assignment.status" : ev.Trim(), status?.Trim());
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v)
        ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
        : null;
}
