using WorkOrders.Domain.Common;
using WorkOrders.Domain.Partners;

namespace WorkOrders.Domain.UnitTests.Partners;

public sealed class ApiKeyRevoke
{
    private static ApiKey Key(params Guid[] customerIds) => ApiKey.Create("Partner", "wo_abcdefg", "hash", customerIds);

    [Fact]
    public void FromActive_BecomesRevoked_AtTheGivenTime()
    {
        var key = Key(Guid.CreateVersion7());

        key.Revoke(Make.Now);

        key.IsRevoked.ShouldBeTrue();
        key.RevokedAt.ShouldBe(Make.Now);
    }

    [Fact]
    public void Twice_IsRefused_WithApiKeyMustNotBeRevoked_AndKeepsTheFirstTime()
    {
        var key = Key(Guid.CreateVersion7());
        key.Revoke(Make.Now);

        var ex = Should.Throw<BusinessRuleException>(() => key.Revoke(Make.Now.AddDays(1)));

        ex.Rule.ShouldBe(nameof(ApiKeyMustNotBeRevoked));
        key.RevokedAt.ShouldBe(Make.Now);
    }
}
