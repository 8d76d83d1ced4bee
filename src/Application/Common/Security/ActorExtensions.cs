using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Common.Security;

public static class ActorExtensions
{
    /// <summary>The caller as the actor of a change happening now.</summary>
    public static Actor AsActor(this IUser user, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(clock);
        return new Actor(user.Id, user.Name ?? "system", clock.GetUtcNow().UtcDateTime);
    }
}
