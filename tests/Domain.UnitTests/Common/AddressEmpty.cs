using WorkOrders.Domain.Common;

namespace WorkOrders.Domain.UnitTests.Common;

public sealed class AddressEmpty
{
    [Fact]
    public void ReturnsANewInstanceEachTime_ThatAreEqual()
    {
        var first = Address.Empty;
        var second = Address.Empty;

        // Two owners (a customer and its site) must never share one owned instance.
        first.ShouldNotBeSameAs(second);
        first.ShouldBe(second);
    }

    [Fact]
    public void HasNoParts_AndIsEmpty()
    {
        var empty = Address.Empty;

        empty.ShouldBe(new Address(null, null, null, null, null));
        empty.IsEmpty.ShouldBeTrue();
        empty.ToString().ShouldBe(string.Empty);
    }

    [Fact]
    public void AnAddressWithAnyPart_IsNotEmpty()
    {
        new Address(null, "Springfield", null, null, null).IsEmpty.ShouldBeFalse();
    }

    [Fact]
    public void ToString_JoinsTheNonBlankParts()
    {
        new Address("1 Main Street", " ", null, "62701", "US").ToString().ShouldBe("1 Main Street, 62701, US");
    }
}
