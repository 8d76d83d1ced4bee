using MediatR;

namespace WorkOrders.Application.UnitTests.Fakes;

/// <summary>The rest of the pipeline: records whether it was reached and answers a fixed response.</summary>
internal sealed class Next<TResponse>(TResponse response)
{
    public int Calls { get; private set; }

    public RequestHandlerDelegate<TResponse> Delegate => () =>
    {
        Calls++;
        return Task.FromResult(response);
    };
}
