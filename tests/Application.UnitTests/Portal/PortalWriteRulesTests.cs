using WorkOrders.Application.Common.Interfaces;
using WorkOrders.Application.Portal;
using WorkOrders.Application.Portal.Commands;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.UnitTests.Portal;

public sealed class PortalWriteRulesTests
{
    private const string Png1x1 = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    [Fact]
    public void TheIdempotencyKey_IsScopedToTheTokenAndTheLineItem_AndNeverHoldsTheToken()
    {
        var item = Guid.NewGuid();
        IIdempotentCommand a = new DecidePortalLineItemCommand { Token = "token-a", LineItemId = item, ClientKey = "click-1" };
        IIdempotentCommand sameAgain = new DecidePortalLineItemCommand { Token = "token-a", LineItemId = item, ClientKey = "click-1", Decision = ApprovalStatus.Rejected };
        IIdempotentCommand otherToken = new DecidePortalLineItemCommand { Token = "token-b", LineItemId = item, ClientKey = "click-1" };
        IIdempotentCommand otherItem = new DecidePortalLineItemCommand { Token = "token-a", LineItemId = Guid.NewGuid(), ClientKey = "click-1" };
        IIdempotentCommand noKey = new DecidePortalLineItemCommand { Token = "token-a", LineItemId = item };

        a.IdempotencyKey.ShouldBe(sameAgain.IdempotencyKey);
        a.IdempotencyKey.ShouldNotBe(otherToken.IdempotencyKey);
        a.IdempotencyKey.ShouldNotBe(otherItem.IdempotencyKey);
        a.IdempotencyKey!.Length.ShouldBeLessThanOrEqualTo(100);
        a.IdempotencyKey.ShouldNotContain("token-a");
        noKey.IdempotencyKey.ShouldBeNull();
    }

    [Fact]
    public void ASignature_IsAPngDataUrl_WithinTheSizeLimit()
    {
        var validator = new SignPortalEstimateCommandValidator(new PortalOptions { SignatureMaxBytes = 1024 });

        validator.Validate(new SignPortalEstimateCommand { SignerName = "Pat", SignatureImage = Png1x1 }).IsValid.ShouldBeTrue();
        SignPortalEstimateCommandValidator.Decode(Png1x1)!.Length.ShouldBe(70);
        foreach (var bad in new[]
                 {
                     "data:image/jpeg;base64,/9j/4AAQ", "data:image/png;base64,not base64!", "data:image/png;base64,R0lGODlhAQABAAAAACw=",
                     "data:image/png;base64," + Convert.ToBase64String(new byte[2048]), string.Empty,
                 })
        {
            validator.Validate(new SignPortalEstimateCommand { SignerName = "Pat", SignatureImage = bad }).IsValid.ShouldBeFalse(bad.Length > 40 ? bad[..40] : bad);
        }

        validator.Validate(new SignPortalEstimateCommand { SignerName = " ", SignatureImage = Png1x1 }).IsValid.ShouldBeFalse();
    }
}
