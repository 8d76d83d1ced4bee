using Microsoft.AspNetCore.Identity;

namespace WorkOrders.Infrastructure.Identity;

public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
