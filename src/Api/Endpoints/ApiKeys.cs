using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Application.ApiKeys.Commands.CreateApiKey;
using WorkOrders.Application.ApiKeys.Commands.RevokeApiKey;
using WorkOrders.Application.ApiKeys.Queries.GetApiKeys;

namespace WorkOrders.Api.Endpoints;

public static class ApiKeys
{
    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("ApiKeys");
        group.MapGet("/", GetApiKeys).WithName("GetApiKeys").WithProblems();
        group.MapPost("/", CreateApiKey).WithName("CreateApiKey").WithProblems()
            .WithSummary("Creates a partner key scoped to customers; the key is in this answer only.");
        group.MapDelete("/{id:guid}", RevokeApiKey).WithName("RevokeApiKey").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyDto>>> GetApiKeys(IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetApiKeysQuery(), ct));

    private static async Task<Created<CreatedApiKeyDto>> CreateApiKey(IMediator sender, CreateApiKeyCommand command, CancellationToken ct)
    {
        var created = await sender.Send(command, ct);
        return TypedResults.Created($"/api/v1/api-keys/{created.ApiKey.Id}", created);
    }

    private static async Task<NoContent> RevokeApiKey(IMediator sender, Guid id, CancellationToken ct)
    {
        await sender.Send(new RevokeApiKeyCommand(id), ct);
        return TypedResults.NoContent();
    }
}
