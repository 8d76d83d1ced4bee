using System.Text;
using WorkOrders.Application.Common.Mappings;
using WorkOrders.Application.Common.Models;
using WorkOrders.Application.Customers.Queries.GetCustomers;

namespace WorkOrders.Application.UnitTests.Common.Models;

public sealed class CursorTests
{
    private static string Base64Url(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void IdCursor_RoundTrips()
    {
        var position = new IdCursor(Guid.CreateVersion7());

        Cursor.TryDecode<IdCursor>(Cursor.Encode(position)).ShouldBe(position);
    }

    [Fact]
    public void CustomerCursor_RoundTrips_WithNonAsciiName()
    {
        var position = new CustomerCursor("ÅNGSTRÖM & SÖHNE / 東京 + CO", Guid.CreateVersion7());

        Cursor.TryDecode<CustomerCursor>(Cursor.Encode(position)).ShouldBe(position);
    }

    [Fact]
    public void Encoded_IsUrlSafe_WithoutPadding()
    {
        // Names with characters whose JSON bytes give '+' and '/' in standard base64.
        for (var i = 0; i < 50; i++)
        {
            var encoded = Cursor.Encode(new CustomerCursor(new string('?', i) + "~~~>>>", Guid.CreateVersion7()));

            encoded.ShouldNotContain('+');
            encoded.ShouldNotContain('/');
            encoded.ShouldNotContain('=');
            Uri.EscapeDataString(encoded).ShouldBe(encoded);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("!!!not base64!!!")]
    [InlineData("a")]
    [InlineData("%7B%7D")]
    public void Garbage_DecodesToNull(string? cursor)
    {
        Cursor.TryDecode<IdCursor>(cursor).ShouldBeNull();
        Cursor.TryDecode<CustomerCursor>(cursor).ShouldBeNull();
    }

    [Theory]
    [InlineData("hello, not json")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"a string\"")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"Id\":\"not-a-guid\"}")]
    [InlineData("{\"Id\":")]
    public void Base64OfNoCursorJson_DecodesToNull(string json)
    {
        Cursor.TryDecode<IdCursor>(Base64Url(json)).ShouldBeNull();
    }

    [Fact]
    public void OverlongCursor_DecodesToNull_WithoutBeingParsed()
    {
        var position = new CustomerCursor(new string('N', 900), Guid.CreateVersion7());
        var encoded = Cursor.Encode(position);
        encoded.Length.ShouldBeGreaterThan(1024);

        Cursor.TryDecode<CustomerCursor>(encoded).ShouldBeNull();
    }

    [Fact]
    public void IsValid_AcceptsNoCursor_AndCursorsOfItsType_AndRefusesGarbage()
    {
        Cursor.IsValid<IdCursor>(null).ShouldBeTrue();
        Cursor.IsValid<IdCursor>(string.Empty).ShouldBeTrue();
        Cursor.IsValid<IdCursor>(Cursor.Encode(new IdCursor(Guid.CreateVersion7()))).ShouldBeTrue();
        Cursor.IsValid<IdCursor>("garbage!").ShouldBeFalse();
        Cursor.IsValid<IdCursor>(Base64Url("[]")).ShouldBeFalse();
    }
}
