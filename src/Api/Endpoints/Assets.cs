using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkOrders.Application.Assets.Commands.CreateAsset;
using WorkOrders.Application.Assets.Queries.GetAssets;
using WorkOrders.Application.Common.Models;

namespace WorkOrders.Api.Endpoints;

public static class Assets
{
    public static RouteGroupBuilder MapAssets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/customers/{customerId:guid}/assets").WithTags("Assets");
        group.MapGet("/", GetAssets).WithName("GetAssets").WithProblems(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsset).WithName("CreateAsset").WithProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Ok<CursorPage<AssetDto>>> GetAssets(IMediator sender, Guid customerId, Guid? siteId, int? limit, string? cursor, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAssetsQuery { CustomerId = customerId, SiteId = siteId, Limit = limit, Cursor = cursor }, ct));

    private static async Task<Created<AssetDto>> CreateAsset(IMediator sender, Guid customerId, CreateAssetCommand command, CancellationToken ct)
    {
        var asset = await sender.Send(command with { CustomerId = customerId }, ct);
        return TypedResults.Created($"/api/v1/customers/{customerId}/assets/{asset.Id}", asset);
    }
}
