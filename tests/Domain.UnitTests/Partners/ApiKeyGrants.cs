using WorkOrders.Domain.Partners;

namespace WorkOrders.Domain.UnitTests.Partners;

public sealed class ApiKeyGrants
{
    private static readonly Guid InScope = Guid.CreateVersion7();
    private static readonly Guid OtherInScope = Guid.CreateVersion7();
    private static readonly Guid OutOfScope = Guid.CreateVersion7();

    private static ApiKey Key() => ApiKey.Create("Partner", "wo_abcdefg", "hash", [InScope, OtherInScope]);

    [Fact]
    public void CustomerInScope_IsGranted()
    {
        var key = Key();

        key.Grants(InScope).ShouldBeTrue();
        key.Grants(OtherInScope).ShouldBeTrue();
    }

    [Fact]
    public void CustomerOutOfScope_IsNotGranted()
    {
        Key().Grants(OutOfScope).ShouldBeFalse();
    }

    [Fact]
    public void AfterRevocation_NothingIsGranted()
    {
        var key = Key();

        key.Revoke(Make.Now);

        key.Grants(InScope).ShouldBeFalse();
        key.Grants(OtherInScope).ShouldBeFalse();
    }
}
