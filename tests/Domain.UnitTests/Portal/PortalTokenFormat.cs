using System.Security.Cryptography;
using System.Text;
using WorkOrders.Domain.Common;
using WorkOrders.Domain.Portal;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Domain.UnitTests.Portal;

public sealed class PortalTokenFormat
{
    [Fact]
    public void Generate_Is43Base64UrlCharacters_Of256RandomBits_AndNeverRepeats()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => PortalToken.Generate()).ToList();

        tokens.ShouldAllBe(t => t.Length == PortalToken.Length && PortalToken.IsWellFormed(t));
        tokens.ShouldAllBe(t => !t.Contains('=') && !t.Contains('+') && !t.Contains('/'));
        tokens.Distinct().Count().ShouldBe(tokens.Count);
        System.Buffers.Text.Base64Url.DecodeFromChars(tokens[0]).Length.ShouldBe(32);
    }

    [Fact]
    public void Hash_IsLowerHexSha256_OfTheToken()
    {
        var token = PortalToken.Generate();

        var hash = PortalToken.Hash(token);

        hash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        hash.Length.ShouldBe(64);
        hash.ShouldNotContain(token);
        PortalToken.Hash(token[..^1] + (token[^1] == 'A' ? 'B' : 'A')).ShouldNotBe(hash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("not base64url: has spaces and is exactly 43 characters long!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Malformed_IsNotWellFormed_ButStillHashes(string value)
    {
        PortalToken.IsWellFormed(value).ShouldBeFalse();
        PortalToken.Hash(value).Length.ShouldBe(64);
    }

    [Fact]
    public void Link_ExpiresAfter48HoursByDefault_GrantsOnlyItsView_AndNotOnceRevoked()
    {
        var actor = new Actor("tm-1", "Terry Manager", Make.Now);
        var link = PortalLink.Create(Guid.NewGuid(), PortalView.Estimate, PortalToken.Hash(PortalToken.Generate()), null, null, null, actor);

        link.ExpiresAt.ShouldBe(Make.Now.AddHours(48));
        link.Grants([PortalView.Estimate], Make.Now.AddHours(47)).ShouldBeTrue();
        link.Grants([PortalView.Invoice], Make.Now).ShouldBeFalse();
        link.StateAt(Make.Now.AddHours(48)).ShouldBe(PortalLinkState.Expired);
        link.Grants([PortalView.Estimate], Make.Now.AddHours(48)).ShouldBeFalse();

        link.Revoke(actor with { At = Make.Now.AddHours(1) });
        link.StateAt(Make.Now.AddHours(2)).ShouldBe(PortalLinkState.Revoked);
        link.Grants([PortalView.Estimate], Make.Now.AddHours(2)).ShouldBeFalse();
        Should.Throw<BusinessRuleException>(() => link.Revoke(actor));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(721)]
    public void Link_Lifetime_OutsideOneHourToThirtyDays_IsRefused(double hours)
    {
        var actor = new Actor("tm-1", "Terry Manager", Make.Now);
        Should.Throw<BusinessRuleException>(() => PortalLink.Create(Guid.NewGuid(), PortalView.Invoice, new string('a', 64), TimeSpan.FromHours(hours), null, null, actor));
    }
}
