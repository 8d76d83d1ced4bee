using WorkOrders.Domain.Common;
using WorkOrders.Domain.Partners;

namespace WorkOrders.Domain.UnitTests.Partners;

public sealed class ApiKeyCreate
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void WithOneCustomer_IsScopedToIt_AndNotRevoked()
    {
        var customerId = Guid.CreateVersion7();

        var key = ApiKey.Create(" Partner portal ", "wo_abcdefg", Hash, [customerId]);

        key.Name.ShouldBe("Partner portal");
        key.Prefix.ShouldBe("wo_abcdefg");
        key.KeyHash.ShouldBe(Hash);
        key.CustomerIds.ShouldBe([customerId]);
        key.IsRevoked.ShouldBeFalse();
        key.RevokedAt.ShouldBeNull();
        key.LastUsedAt.ShouldBeNull();
    }

    [Fact]
    public void WithRepeatedCustomers_KeepsEachOnce_InGivenOrder()
    {
        Guid a = Guid.CreateVersion7(), b = Guid.CreateVersion7();

        var key = ApiKey.Create("Partner", "wo_abcdefg", Hash, [a, b, a, b, a]);

        key.CustomerIds.ShouldBe([a, b]);
    }

    [Fact]
    public void WithoutCustomers_IsRefused_WithApiKeyMustHaveScope()
    {
        var ex = Should.Throw<BusinessRuleException>(() => ApiKey.Create("Partner", "wo_abcdefg", Hash, []));

        ex.Rule.ShouldBe(nameof(ApiKeyMustHaveScope));
    }

    [Fact]
    public void WithoutCustomerList_IsRefused()
    {
        Should.Throw<ArgumentNullException>(() => ApiKey.Create("Partner", "wo_abcdefg", Hash, null!));
    }

    [Theory]
    [InlineData("", "wo_abc", Hash, "Name")]
    [InlineData("Partner", " ", Hash, "Prefix")]
    [InlineData("Partner", "wo_abcdefghijklmnop", Hash, "Prefix")]
    [InlineData("Partner", "wo_abc", "", "KeyHash")]
    public void WithMissingOrTooLongFields_IsRefused(string name, string prefix, string hash, string expectedParam)
    {
        Should.Throw<ArgumentException>(() => ApiKey.Create(name, prefix, hash, [Guid.CreateVersion7()]))
            .ParamName.ShouldBe(expectedParam);
    }
}
