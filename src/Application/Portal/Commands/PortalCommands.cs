using System.Text.Json.Serialization;
using WorkOrders.Domain.Portal;
using WorkOrders.Domain.WorkOrders;

namespace WorkOrders.Application.Portal.Commands;

// The portal's writes. Each needs If-Match (the version of the view the customer read: 428 without, 412 when
// stale) and accepts an Idempotency-Key (scoped to the token): a double click or a stale tab never decides twice
// or overwrites a newer decision. Anonymous for the staff pipeline: the token is checked by PortalGate.

/// <summary>The fields every portal write carries besides its body.</summary>
public abstract record PortalWrite : IIdempotentCommand
{
    [JsonIgnore]
    public string Token { get; init; } = string.Empty;

    /// <summary>If-Match: the view's version the customer read.</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    /// <summary>The client's Idempotency-Key header.</summary>
    [JsonIgnore]
    public string? ClientKey { get; init; }

    /// <summary>What else than the body names the change (e.g. the line item): part of the stored key.</summary>
    protected virtual string Target => string.Empty;

    /// <summary>The stored key: the client's key scoped to the token and the target (portal callers are all anonymous).</summary>
    string? IIdempotentCommand.IdempotencyKey => PortalGate.ScopedKey(Token + "/" + Target, ClientKey);
}

/// <summary>Approve, reject or clear (back to Pending) one line item, with a note (Work Authorization and Estimate views).</summary>
[AllowAnonymous]
public sealed record DecidePortalLineItemCommand : PortalWrite, ICommand<PortalApprovalViewDto>
{
    [JsonIgnore]
    public Guid LineItemId { get; init; }

    protected override string Target => LineItemId.ToString();

    public ApprovalStatus Decision { get; init; }
    public string? Note { get; init; }
}

/// <summary>A customer comment (any view).</summary>
[AllowAnonymous]
public sealed record AddPortalCommentCommand : PortalWrite, ICommand<PortalCommentResultDto>
{
    public string Text { get; init; } = string.Empty;

    /// <summary>Who writes; the customer's contact name when left out.</summary>
    public string? AuthorName { get; init; }
}

/// <summary>The formal authorization of the estimate (Estimate view): a drawn signature as a PNG data URL and the typed name.</summary>
[AllowAnonymous]
public sealed record SignPortalEstimateCommand : PortalWrite, ICommand<PortalApprovalViewDto>
{
    public string SignerName { get; init; } = string.Empty;

    /// <summary><c>data:image/png;base64,...</c>, at most <see cref="PortalOptions.SignatureMaxBytes"/> bytes of PNG.</summary>
    public string SignatureImage { get; init; } = string.Empty;
}

internal static class PortalWriteRules
{
    public static void Add<T>(AbstractValidator<T> v)
        where T : PortalWrite =>
        v.RuleFor(c => c.ClientKey).MaximumLength(100).OverridePropertyName("idempotencyKey");
}

public sealed class DecidePortalLineItemCommandValidator : AbstractValidator<DecidePortalLineItemCommand>
{
    public DecidePortalLineItemCommandValidator()
    {
        PortalWriteRules.Add(this);
        RuleFor(c => c.Decision).IsInEnum();
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

public sealed class AddPortalCommentCommandValidator : AbstractValidator<AddPortalCommentCommand>
{
    public AddPortalCommentCommandValidator()
    {
        PortalWriteRules.Add(this);
        RuleFor(c => c.Text).NotEmpty().MaximumLength(WorkOrder.TextMaxLength);
        RuleFor(c => c.AuthorName).MaximumLength(200);
    }
}

public sealed class SignPortalEstimateCommandValidator : AbstractValidator<SignPortalEstimateCommand>
{
    public const string DataUrlPrefix = "data:image/png;base64,";
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public SignPortalEstimateCommandValidator(PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PortalWriteRules.Add(this);
        RuleFor(c => c.SignerName).NotEmpty().MaximumLength(EstimateSignature.SignerNameMaxLength);
        RuleFor(c => c.SignatureImage).NotEmpty()
            .Must(s => s.Length <= DataUrlPrefix.Length + (((options.SignatureMaxBytes + 2) / 3) * 4))
            .WithMessage($"'Signature Image' may hold at most {options.SignatureMaxBytes} bytes of PNG.")
            .Must(s => Decode(s) is not null)
            .WithMessage("'Signature Image' must be a PNG image as a data URL (data:image/png;base64,...).");
    }

    /// <summary>The PNG bytes of a data URL, or null when it is not one.</summary>
    public static byte[]? Decode(string? dataUrl)
    {
        if (dataUrl is null || !dataUrl.StartsWith(DataUrlPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var base64 = dataUrl.AsSpan(DataUrlPrefix.Length);
        var buffer = new byte[(base64.Length * 3 / 4) + 3];
        return Convert.TryFromBase64Chars(base64, buffer, out var written) && written > PngMagic.Length && buffer.AsSpan(0, PngMagic.Length).SequenceEqual(PngMagic)
            ? buffer[..written]
            : null;
    }
}

public sealed class PortalCommandHandlers(IApplicationDbContext db, PortalGate gate, PortalReads reads)
    : IRequestHandler<DecidePortalLineItemCommand, PortalApprovalViewDto>,
      IRequestHandler<AddPortalCommentCommand, PortalCommentResultDto>,
      IRequestHandler<SignPortalEstimateCommand, PortalApprovalViewDto>
{
    public async Task<PortalApprovalViewDto> Handle(DecidePortalLineItemCommand request, CancellationToken cancellationToken)
    {
        var (link, workOrder) = await OpenAsync(request, PortalGate.ApprovalViews, $"Decide {request.Decision} on line item {request.LineItemId}", cancellationToken)
            .ConfigureAwait(false);
        if (workOrder.LineItems.All(i => i.Id != request.LineItemId))
        {
            throw NotFoundException.For("Line item", request.LineItemId);
        }

        // What the customer decides on: the estimate as it renders right now (version + SHA-256 of the PDF).
        var (_, sha256) = await reads.RenderEstimateAsync(workOrder, cancellationToken).ConfigureAwait(false);
        workOrder.DecideLineItem(request.LineItemId, request.Decision, request.Note, new DecisionContext(reads.Now, sha256, link.Id, $"Customer (portal link {link.Id})"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await reads.ApprovalViewAsync(workOrder, link, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PortalCommentResultDto> Handle(AddPortalCommentCommand request, CancellationToken cancellationToken)
    {
        var (_, workOrder) = await OpenAsync(request, PortalGate.AnyView, "Comment", cancellationToken).ConfigureAwait(false);
        var author = request.AuthorName?.Trim();
        if (string.IsNullOrEmpty(author))
        {
            author = await db.Customers.AsNoTracking().Where(c => c.Id == workOrder.CustomerId).Select(c => c.Contact.Name)
                .SingleAsync(cancellationToken).ConfigureAwait(false);
        }

        var comment = workOrder.AddCustomerComment(new Actor(null, author, reads.Now), request.Text);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new PortalCommentResultDto(
            new PortalCommentDto { Id = comment.Id, AuthorName = comment.AuthorName, Text = comment.Text, ByCustomer = true, CreatedAt = comment.CreatedAt },
            workOrder.Version);
    }

    public async Task<PortalApprovalViewDto> Handle(SignPortalEstimateCommand request, CancellationToken cancellationToken)
    {
        var (link, workOrder) = await OpenAsync(request, [PortalView.Estimate], "Sign estimate", cancellationToken).ConfigureAwait(false);
        var image = SignPortalEstimateCommandValidator.Decode(request.SignatureImage)
            ?? throw new ValidationException("signatureImage", "'Signature Image' must be a PNG image as a data URL.");

        // The customer signs the estimate as it renders right now (with the empty signature block).
        var (_, sha256) = await reads.RenderEstimateAsync(workOrder, cancellationToken).ConfigureAwait(false);
        workOrder.SignEstimate(request.SignerName, image, sha256, link.Id, reads.Now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await reads.ApprovalViewAsync(workOrder, link, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The token first (404 for anything but an active link of the view), then If-Match on the view's version.</summary>
    private async Task<(PortalLink Link, WorkOrder WorkOrder)> OpenAsync(PortalWrite request, PortalView[] views, string action, CancellationToken cancellationToken)
    {
        var link = await gate.OpenAsync(request.Token, views, action, cancellationToken).ConfigureAwait(false);
        var workOrder = await reads.LoadAsync(link.WorkOrderId, cancellationToken).ConfigureAwait(false);
        PreconditionFailedException.ThrowIfStale("The portal view", workOrder.Version, request.ExpectedVersion);
        return (link, workOrder);
    }
}
