using WorkOrders.Application.Portal;

namespace WorkOrders.Application.Common.Interfaces;

/// <summary>Where the current request comes from (for the portal's access log): the client address and user agent.</summary>
public interface IClientInfo
{
    string? Address { get; }

    string? UserAgent { get; }
}

/// <summary>Renders the portal's documents (PDF). The estimate's bytes are hashed (SHA-256) when a decision or a
/// signature is recorded, so the rendering must be deterministic for the same content.</summary>
public interface IPortalDocuments
{
    byte[] RenderEstimate(EstimateDocument estimate);

    byte[] RenderInvoice(InvoiceDocument invoice);
}
