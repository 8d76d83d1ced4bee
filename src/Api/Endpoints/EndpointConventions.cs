namespace WorkOrders.Api.Endpoints;

internal static class EndpointConventions
{
    /// <summary>Documents the ProblemDetails answers every authenticated operation can give.</summary>
    public static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder builder, params int[] extra)
    {
        builder.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        foreach (var status in extra)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
